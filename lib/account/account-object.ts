import "server-only";
import type { AccountDurableObject, AccountSnapshot } from "@/workers/account-durable-object";
import { getServerEnv } from "../env/server-env";
import { accountStub } from "./account-stub";

/** The account's Durable Object (one per account, named by its user id). */
export function accountObject(accountId: string): DurableObjectStub<AccountDurableObject> {
  return accountStub(getServerEnv().ACCOUNT, accountId);
}

export async function getAccountSnapshot({ accountId }: { accountId: string }): Promise<AccountSnapshot> {
  return accountObject(accountId).touch(accountId);
}
