// Runs Argon2id off the main thread so the page never freezes while the master key is
// derived. Receives {password, salt, params}; posts progress, then the 32-byte key
// (transferred, so no copy stays here). Nothing is stored or sent anywhere else.
import { deriveMasterKey, type Argon2Params } from "../crypto/kdf";

type Request = { id: number; password: string; salt: Uint8Array; params: Argon2Params };
type Scope = {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage: (message: unknown, transfer?: Transferable[]) => void;
};
const scope = globalThis as unknown as Scope;

scope.onmessage = async (event) => {
  const { id, password, salt, params } = event.data;
  try {
    let last = 0;
    const key = await deriveMasterKey({
      password,
      salt,
      params,
      onProgress: (fraction) => {
        if (fraction - last >= 0.02 || fraction === 1) {
          last = fraction;
          scope.postMessage({ id, type: "progress", fraction });
        }
      },
    });
    scope.postMessage({ id, type: "done", key }, [key.buffer]);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : "Argon2id failed";
    scope.postMessage({ id, type: "error", message });
  }
};
