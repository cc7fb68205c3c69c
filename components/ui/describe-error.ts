// What a person reads when an action fails: the server's own message (written for people, a
// sentence: lib/errors/field-sentences.ts) or the vault's, never an internal detail.

/** A message for the person from anything an action threw. */
export function describeError(error: unknown): string {
  if (error instanceof Error && (error.name === "VaultUserError" || error.name === "ApiError")) return error.message;
  if (error instanceof RangeError) return "This vault's key-stretching settings are outside the safe range, so it was not opened.";
  return "Something went wrong. Please try again.";
}
