// Bounds on passkeys, shared by the wire schemas and the queries.

/** Passkeys one account may hold. */
export const MAX_PASSKEYS = 20;
