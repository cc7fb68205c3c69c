/**
 * Small byte helpers with noble-style strict input checks: a wrong type is a
 * TypeError, a wrong length a RangeError.
 */

/** Throws unless `value` is a Uint8Array (of exactly `length` bytes when given). */
export function assertBytes(value: unknown, name: string, length?: number): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`${name} must be a Uint8Array`);
  }
  if (length !== undefined && value.length !== length) {
    throw new RangeError(`${name} must be ${length} bytes, got ${value.length}`);
  }
}

/** Throws unless `value` is a non-empty string. */
export function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string") throw new TypeError(`${name} must be a string`);
  if (value.length === 0) throw new RangeError(`${name} must not be empty`);
}

/** Concatenates byte arrays into a new one. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) {
    assertBytes(part, "part");
    total += part.length;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Overwrites buffers with zeros once the caller is done with them. JS gives
 * no guarantee that no copy survives elsewhere (GC, JIT), but this removes
 * the copies we own.
 */
export function wipeBytes(...buffers: (Uint8Array | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}
