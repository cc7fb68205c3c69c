import { z } from "zod";

/** An email address as 1Relay keys accounts by it: trimmed, NFKC, lower case, one @. */
export const emailAddressSchema = z
  .string()
  .trim()
  .max(254, "That email address is too long.")
  .transform((s) => s.normalize("NFKC").toLowerCase())
  .pipe(z.email("Enter a valid email address, like you@example.com."));

export function normalizeEmailAddress(raw: unknown): string {
  const parsed = emailAddressSchema.safeParse(raw);
  if (!parsed.success) throw new TypeError(parsed.error.issues[0]?.message ?? "Invalid email address.");
  return parsed.data;
}
