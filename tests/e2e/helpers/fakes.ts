import { fakeURLs } from "../../../playwright.config";

export type FakeProvider = keyof typeof fakeURLs;

export interface FakeReceived {
  method: string;
  path: string;
  headers: Record<string, string>;
  bodyText: string;
  outcome?: string;
  /** The usage the fake answered with (tests/fakes/types.ts). */
  reportedUsage?: unknown;
}

/** What a fake provider received since its last reset. */
export async function fakeReceived(provider: FakeProvider): Promise<FakeReceived[]> {
  return (await (await fetch(`${fakeURLs[provider]}/__fake/received`)).json()) as FakeReceived[];
}

export async function resetFakes(): Promise<void> {
  await Promise.all(Object.values(fakeURLs).map((url) => fetch(`${url}/__fake/reset`, { method: "POST" })));
}
