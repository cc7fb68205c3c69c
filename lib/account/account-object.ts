import "server-only";
import type { AccountDurableObject, AccountSnapshot } from "@/workers/account-durable-object";
import { getServerEnv } from "../env/server-env";

/** The account's Durable Object (one per account, named by its user id). */
export function accountObject(accountId: string): DurableObjectStub<AccountDurableObject> {
  const namespace = getServerEnv().ACCOUNT as unknown as DurableObjectNamespace<AccountDurableObject>;
  return namespace.get(namespace.idFromName(accountId));
}

export async function getAccountSnapshot({ accountId }: { accountId: string }): Promise<AccountSnapshot> {
  return accountObject(accountId).touch(accountId);
}
