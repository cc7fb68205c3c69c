import "server-only";
import { getPublicApp, type PublicApp } from "../db/app-queries";
import type { Db } from "../db/client";

// Who may use the device flow (decision 021): the built-in CLI client (no registration: the
// `1relay` command-line tool) and registered public apps (no client secret: a program on someone's
// laptop or server cannot keep one). The token and revocation endpoints know the built-in client too.

export const CLI_CLIENT_ID = "1relay-cli";

export interface DeviceClient {
  clientId: string;
  name: string;
  description: string;
  /** The registered app's public face (logo, homepage); null for a built-in client. */
  app: PublicApp | null;
}

const BUILTIN_CLIENTS: Record<string, Omit<DeviceClient, "clientId" | "app">> = {
  [CLI_CLIENT_ID]: {
    name: "1Relay CLI",
    description: "The 1relay command-line tool. It keeps the token in a file only you can read, and hands it to the agents you run with it (Claude Code, Codex, Gemini CLI, OpenAI-compatible tools).",
  },
};

export function builtinClient(clientId: string): DeviceClient | null {
  const client = Object.hasOwn(BUILTIN_CLIENTS, clientId) ? BUILTIN_CLIENTS[clientId] : undefined;
  return client ? { clientId, app: null, ...client } : null;
}

export type FindDeviceClient = { ok: true; client: DeviceClient } | { ok: false; error: "unknown" | "confidential" };

export async function findDeviceClient({ db, clientId }: { db: Db; clientId: string }): Promise<FindDeviceClient> {
  const builtin = builtinClient(clientId);
  if (builtin) return { ok: true, client: builtin };
  const app = await getPublicApp({ db, clientId });
  if (!app) return { ok: false, error: "unknown" };
  if (app.confidential) return { ok: false, error: "confidential" };
  return { ok: true, client: { clientId: app.clientId, name: app.name, description: app.description, app } };
}
