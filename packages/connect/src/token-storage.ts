// Where a page keeps its relay token: in memory by default (gone when the tab closes; nothing on
// disk for another script or person at this computer to find later), or wherever the app's own
// callbacks put it (sessionStorage, localStorage, IndexedDB…, with the risks the README names).
import type { RelayGrant } from "./token-response.js";

export interface TokenStorage {
  load(): string | null | undefined | Promise<string | null | undefined>;
  save(grant: RelayGrant): void | Promise<void>;
  clear(): void | Promise<void>;
}

/** The default: the token lives in this object only. */
export function memoryStorage(): TokenStorage {
  let token: string | null = null;
  return {
    load: () => token,
    save: (grant) => {
      token = grant.token;
    },
    clear: () => {
      token = null;
    },
  };
}

/** Checks an app's storage callbacks (all three are needed: a token that cannot be cleared outlives a revocation). */
export function checkStorage(storage: unknown): TokenStorage {
  if (storage === undefined) return memoryStorage();
  const s = storage as Partial<TokenStorage>;
  if (typeof s !== "object" || s === null || typeof s.load !== "function" || typeof s.save !== "function" || typeof s.clear !== "function") {
    throw new TypeError("storage must have load(), save(grant) and clear()");
  }
  return s as TokenStorage;
}
