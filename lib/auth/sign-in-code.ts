// The short one-time code in every sign-in email. The same value is the token in the
// email's link, so typing the code and clicking the link are one mechanism.
// Crockford base32 (no I, L, O, U): 8 characters = 40 bits; five wrong tries burn it.

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SIGN_IN_CODE_LENGTH = 8;
export const MAX_CODE_ATTEMPTS = 5;
export const SIGN_IN_CODE_TTL_SECONDS = 10 * 60;

/** A fresh code from `random` (32 values per byte: 256 is a multiple of 32, so no bias). */
export function generateSignInCode(random: (n: number) => Uint8Array): string {
  const bytes = random(SIGN_IN_CODE_LENGTH);
  let code = "";
  for (const byte of bytes) code += alphabet[byte % 32];
  bytes.fill(0);
  return code;
}

/** What a person types ("abcd-efgh", "ABCD EFGH", O for 0) to the canonical code, or null. */
export function normalizeSignInCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (cleaned.length !== SIGN_IN_CODE_LENGTH) return null;
  for (const ch of cleaned) if (!alphabet.includes(ch)) return null;
  return cleaned;
}

/** "ABCDEFGH" → "ABCD-EFGH", for display in the email. */
export function formatSignInCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
