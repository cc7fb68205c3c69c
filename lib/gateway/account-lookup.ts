// Whose connection a token names: the account id, which never changes for a connection, so
// each isolate remembers it and asks D1 only the first time (then the account's object is
// the only round trip before the provider; decision 014). Unknown ids are not remembered.

const MAX_REMEMBERED = 10_000;
const byBinding = new WeakMap<object, Map<string, string>>();

/** `find` asks the database; the answer is remembered per binding (`scope`) in this isolate. */
export function rememberAccountIds({ scope, find }: { scope: object; find: (connectionId: string) => Promise<string | null> }): (connectionId: string) => Promise<string | null> {
  let known = byBinding.get(scope);
  if (!known) byBinding.set(scope, (known = new Map()));
  const remembered = known;
  return async (connectionId) => {
    const hit = remembered.get(connectionId);
    if (hit !== undefined) return hit;
    const accountId = await find(connectionId);
    if (accountId !== null) {
      if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(connectionId, accountId);
    }
    return accountId;
  };
}
