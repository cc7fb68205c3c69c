// The policy's tag, verified over exactly the bytes the account object holds (HMAC-SHA256
// under PK = HKDF(CK), lib/crypto/policy.ts). A verified (SK layer, policy, tag) triple stays
// verified: the SK layer fixes CK (no other K opens it, and only the worker's secret makes
// one), so the isolate remembers the parsed policy and skips the HKDF, the HMAC and the parse
// when the next request brings the same bytes (decision 014). Anything else is verified anew.
import { isKnownPolicyVersion, verifyPolicy, type Policy } from "../crypto/policy";
import type { ConnectionPolicy } from "../connections/wire";

const MAX_REMEMBERED = 4096;
const remembered = new Map<string, ConnectionPolicy>();

/**
 * The parsed policy if `tag` is its tag under `ck`, else null; "unsupported" for a policy in a
 * format this gateway does not know (contract v1.1: a new field bumps `v`, and an unknown `v` is
 * refused, never read as an older format).
 */
export function verifyConnectionPolicy({ ck, ckServer, policy, policyTag }: { ck: Uint8Array; ckServer: string; policy: string; policyTag: string }): ConnectionPolicy | null | "unsupported" {
  const key = `${ckServer}\n${policyTag}\n${policy}`;
  const known = remembered.get(key);
  if (known) return known;
  let parsed: ConnectionPolicy;
  try {
    parsed = JSON.parse(policy) as ConnectionPolicy;
  } catch {
    return null;
  }
  if (typeof parsed === "object" && parsed !== null && !isKnownPolicyVersion((parsed as { v?: unknown }).v)) return "unsupported";
  if (!verifyPolicy({ ck, policy: parsed as Policy, tag: policyTag })) return null;
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  Object.freeze(parsed.providers);
  Object.freeze(parsed.models);
  if (parsed.v === 3) Object.freeze(parsed.origins);
  remembered.set(key, Object.freeze(parsed));
  return parsed;
}
