import { assertBytes } from "./bytes";

/**
 * Constant-time equality of two byte arrays: the running time depends only
 * on the lengths, never on where the first difference is. Lengths are not
 * secret here (verifiers, tags and ids have fixed sizes), so a length
 * mismatch returns false at once.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  assertBytes(a, "a");
  assertBytes(b, "b");
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
