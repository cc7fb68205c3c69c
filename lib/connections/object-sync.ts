import "server-only";
import { accountObject } from "../account/account-object";
import type { ConnectionChange } from "../account/gateway-view";
import { logError } from "../errors/log-error";

// Every write to a connection or its grants keeps the account object's view true (decision
// 014), in this order: announce the change to the object → write D1 → confirm. If announcing
// fails, nothing is written. If the D1 write fails, the confirmation re-reads D1 and keeps what
// was there. If confirming fails, the object still re-reads D1 before the connection's next
// use. Either way the very next request sees exactly what D1 holds, and nothing a writer did
// not announce is taken from D1 unless it restricts. Revocation goes to the object first and
// is final there (connection-service.ts).

export async function writeConnections<T>({ userId, changes, write }: { userId: string; changes: ConnectionChange[]; write: () => Promise<T> }): Promise<T> {
  if (changes.length === 0) return write();
  const object = accountObject(userId);
  const intentId = await object.stageConnectionChanges({ accountId: userId, changes });
  try {
    return await write();
  } finally {
    await object.commitConnectionChanges({ accountId: userId, intentId }).catch((error: unknown) => logError({ where: "connection sync", error }));
  }
}

/** A connection just stored in D1: the object reads it now, so its first request needs no extra read (if this fails, that request reads it). */
export async function syncNewConnection({ userId, connectionId }: { userId: string; connectionId: string }): Promise<void> {
  await accountObject(userId)
    .syncConnections({ accountId: userId, connectionIds: [connectionId] })
    .catch((error: unknown) => logError({ where: "connection sync", error }));
}
