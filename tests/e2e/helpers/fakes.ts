import { expect } from "@playwright/test";
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

/** The fake's next `times` requests (or every one until reset) behave like this (tests/fakes/README.md, "Behaviours"). */
export async function scriptFake(provider: FakeProvider, behaviour: unknown, times?: number): Promise<void> {
  const response = await fetch(`${fakeURLs[provider]}/__fake/script`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ behaviour, times }) });
  expect(response.status).toBe(204);
}

