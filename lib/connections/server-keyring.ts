import type { AppSettings } from "../env/schema";
import type { ServerKeyring } from "./server-wrap";

const keyrings = new WeakMap<object, ServerKeyring>();

/** The wrapping keyring from the validated settings (one object per settings object). */
export function serverKeyring(env: Pick<AppSettings, "RELAY_WRAPPING_SECRET" | "RELAY_WRAPPING_KEY_ID" | "RELAY_WRAPPING_PREVIOUS_KEYS">): ServerKeyring {
  let keyring = keyrings.get(env);
  if (!keyring) {
    keyring = { current: { secret: env.RELAY_WRAPPING_SECRET, keyId: env.RELAY_WRAPPING_KEY_ID }, previous: env.RELAY_WRAPPING_PREVIOUS_KEYS };
    keyrings.set(env, keyring);
  }
  return keyring;
}
