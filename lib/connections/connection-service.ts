import "server-only";
import { createDb } from "../db/client";
import { insertTokenConnection, listConnections, revokeConnection } from "../db/connection-queries";
import { getServerEnv } from "../env/server-env";
import { wrapForServer } from "./server-wrap";
import type { ConnectionSummary, CreateTokenBody } from "./wire";

// Server side of connections, always for the signed-in user's id: adds the SK layer
// around the TK-wrapped CK before storing (the server never sees K or CK).

export async function createTokenFor({ userId, body }: { userId: string; body: CreateTokenBody }): Promise<ConnectionSummary> {
  const env = getServerEnv();
  const sk = { secret: env.RELAY_WRAPPING_SECRET, keyId: env.RELAY_WRAPPING_KEY_ID };
  const ckServer = wrapForServer({ sk, connectionId: body.id, ckToken: body.ckToken });
  return insertTokenConnection({ db: createDb(env.DB), userId, body, ckServer, skId: sk.keyId, now: Date.now() });
}

export function listConnectionsFor({ userId }: { userId: string }): Promise<ConnectionSummary[]> {
  return listConnections({ db: createDb(getServerEnv().DB), userId });
}

export function revokeConnectionFor({ userId, connectionId }: { userId: string; connectionId: string }): Promise<void> {
  return revokeConnection({ db: createDb(getServerEnv().DB), userId, connectionId, now: Date.now() });
}
