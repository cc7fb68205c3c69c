import type { AccountDurableObject } from "@/workers/account-durable-object";

/** The account's Durable Object (one per account, named by its user id). */
export function accountStub(namespace: DurableObjectNamespace, accountId: string): DurableObjectStub<AccountDurableObject> {
  const typed = namespace as unknown as DurableObjectNamespace<AccountDurableObject>;
  return typed.get(typed.idFromName(accountId));
}
