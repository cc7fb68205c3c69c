// New limits for an existing connection, signed in the browser: open CK with the vault key,
// sign the new policy with PK = HKDF(CK), wipe CK. Raising a limit therefore needs the
// vault unlocked; the server stores the tag it cannot forge and the gateway verifies it.
import { buildCkVaultAad } from "../crypto/aad";
import { wipeBytes } from "../crypto/bytes";
import { openEnvelope } from "../crypto/envelope";
import { canonicalizePolicy, signPolicy } from "../crypto/policy";
import type { ConnectionPolicy, ConnectionSummary, UpdatePolicyBody } from "./wire";

export function resignPolicy({ userId, vaultKey, connection, policy }: { userId: string; vaultKey: Uint8Array; connection: ConnectionSummary; policy: ConnectionPolicy }): UpdatePolicyBody {
  if (!connection.ckVault) throw new TypeError("this connection has no vault-wrapped key (revoked, or made before a vault reset)");
  canonicalizePolicy(policy);
  const ck = openEnvelope({ key: vaultKey, envelope: connection.ckVault, aad: buildCkVaultAad({ userId, connectionId: connection.id }) });
  try {
    return { policy, policyTag: signPolicy({ ck, policy }), version: connection.version };
  } finally {
    wipeBytes(ck);
  }
}
