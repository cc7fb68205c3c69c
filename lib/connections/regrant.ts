// Rotation of a provider key (security model): for every connection that uses the vault item,
// open CK with the vault key and seal the new key under it for the item's next key version.
// Runs in the browser; the server receives only envelopes. CK and key bytes are wiped.
import { buildCkVaultAad, buildGrantAad } from "../crypto/aad";
import { wipeBytes } from "../crypto/bytes";
import { encodeUtf8 } from "../crypto/encoding";
import { openEnvelope, sealEnvelope } from "../crypto/envelope";
import type { ConnectionSummary } from "./wire";

export function regrantItem({
  userId,
  vaultKey,
  connections,
  itemId,
  keyVersion,
  secret,
}: {
  userId: string;
  vaultKey: Uint8Array;
  connections: ConnectionSummary[];
  itemId: string;
  keyVersion: number;
  secret: string;
}): { connectionId: string; sealedKey: string }[] {
  const plaintext = encodeUtf8(secret);
  try {
    return connections
      .filter((c) => c.status !== "revoked")
      .flatMap((c) => c.grantItems.filter((g) => g.itemId === itemId).map((g) => ({ c, provider: g.provider })))
      .map(({ c, provider }) => {
        if (!c.ckVault) throw new TypeError(`the connection “${c.name}” has no vault-wrapped key: revoke it, then replace the key`);
        const ck = openEnvelope({ key: vaultKey, envelope: c.ckVault, aad: buildCkVaultAad({ userId, connectionId: c.id }) });
        try {
          return { connectionId: c.id, sealedKey: sealEnvelope({ key: ck, plaintext, aad: buildGrantAad({ connectionId: c.id, provider, itemId, itemVersion: keyVersion }) }) };
        } finally {
          wipeBytes(ck);
        }
      });
  } finally {
    wipeBytes(plaintext);
  }
}

/** CK under the old vault key → CK under the new one (vault key rotation); CK is wiped. */
export function rewrapConnectionKey({ userId, connectionId, ckVault, from, to }: { userId: string; connectionId: string; ckVault: string; from: Uint8Array; to: Uint8Array }): string {
  const aad = buildCkVaultAad({ userId, connectionId });
  const ck = openEnvelope({ key: from, envelope: ckVault, aad });
  try {
    return sealEnvelope({ key: to, plaintext: ck, aad });
  } finally {
    wipeBytes(ck);
  }
}
