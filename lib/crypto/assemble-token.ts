/**
 * The app-side helper: open the sealed secret returned by the token
 * endpoint and assemble the relay token, wiping K on the way.
 */
import { wipeBytes } from "./bytes";
import { formatRelayToken } from "./relay-token";
import { openSealed, type SealContext } from "./seal";

/** `1r_…` from the token endpoint's `sealed_secret` and `connection_id`. */
export function assembleRelayToken(input: SealContext & { appPrivateKey: Uint8Array; sealed: string }): string {
  const secret = openSealed(input);
  try {
    return formatRelayToken({ connectionId: input.connectionId, secret });
  } finally {
    wipeBytes(secret);
  }
}
