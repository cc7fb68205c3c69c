// Deterministic identifiers (a per-process counter), shaped like each provider's own.
let counter = 0;

export function nextId(prefix: string, length = 24): string {
  counter += 1;
  return `${prefix}${String(counter).padStart(length, "0")}`;
}

export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
