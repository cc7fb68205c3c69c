// Builds a connection in the browser, exactly as the security model says: draw the
// connection id (16 B), CK and the token secret K (32 B each); wrap CK under VK and under
// TK = HKDF(K, connectionId); seal each granted provider key under CK; sign the policy
// with PK = HKDF(CK). The server gets the wrapped values, the verifier and the signed
// policy, never K; the person gets the relay token once.
import { tokenHintFromConnectionId } from "../crypto/token-hint";
import { buildCkTokenAad, buildCkVaultAad, buildGrantAad } from "../crypto/aad";
import { wipeBytes } from "../crypto/bytes";
import { formatConnectionId } from "../crypto/connection-id";
import { computeVerifier, deriveTokenWrapKey } from "../crypto/derive-keys";
import { encodeHex, encodeUtf8 } from "../crypto/encoding";
import { sealEnvelope } from "../crypto/envelope";
import { canonicalizePolicy, signPolicy } from "../crypto/policy";
import { newConnectionId, newKey } from "../crypto/random";
import { formatRelayToken } from "../crypto/relay-token";
import type { ProviderId } from "../vault/wire";
import type { ConnectionPolicy, CreateTokenBody } from "./wire";

export interface GrantInput {
  provider: ProviderId;
  itemId: string;
  itemKeyVersion: number;
  /** The provider key in plaintext, opened from the vault a moment ago. */
  secret: string;
}

export function buildTokenConnection({
  userId,
  vaultKey,
  name,
  grants,
  policy,
}: {
  userId: string;
  vaultKey: Uint8Array;
  name: string;
  grants: GrantInput[];
  policy: ConnectionPolicy;
}): { token: string; body: CreateTokenBody } {
  const idBytes = newConnectionId();
  const id = formatConnectionId(idBytes);
  const ck = newKey();
  const k = newKey();
  const tk = deriveTokenWrapKey({ secret: k, connectionId: idBytes });
  try {
    const token = formatRelayToken({ connectionId: idBytes, secret: k });
    const sealedGrants = grants.map((g) => {
      const plaintext = encodeUtf8(g.secret);
      try {
        return {
          provider: g.provider,
          itemId: g.itemId,
          itemKeyVersion: g.itemKeyVersion,
          sealedKey: sealEnvelope({ key: ck, plaintext, aad: buildGrantAad({ connectionId: id, provider: g.provider, itemId: g.itemId, itemVersion: g.itemKeyVersion }) }),
        };
      } finally {
        wipeBytes(plaintext);
      }
    });
    canonicalizePolicy(policy); // throws on a malformed policy before anything is signed
    const body: CreateTokenBody = {
      id,
      name,
      verifier: encodeHex(computeVerifier(k)),
      ckVault: sealEnvelope({ key: vaultKey, plaintext: ck, aad: buildCkVaultAad({ userId, connectionId: id }) }),
      ckToken: sealEnvelope({ key: tk, plaintext: ck, aad: buildCkTokenAad({ connectionId: id }) }),
      policy,
      policyTag: signPolicy({ ck, policy }),
      tokenHint: tokenHintFromConnectionId(id),
      grants: sealedGrants,
    };
    return { token, body };
  } finally {
    wipeBytes(ck, k, tk, idBytes);
  }
}
