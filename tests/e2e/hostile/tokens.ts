import { formatRelayToken, parseRelayToken } from "../../../lib/crypto/relay-token";

// Relay tokens bent out of shape: every one must be refused as invalid_api_key.

/** The same token with its last checksum character changed. */
export function flipChecksum(token: string): string {
  return `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`;
}

/** `idFrom`'s connection id with `secretFrom`'s secret, and a correct checksum. */
export function forgeToken(idFrom: string, secretFrom: string): string {
  return formatRelayToken({ connectionId: parseRelayToken(idFrom).connectionId, secret: parseRelayToken(secretFrom).secret });
}

export const tokenVariants: { name: string; make: (token: string) => string }[] = [
  { name: "prefix 2r_", make: (t) => `2r_${t.slice(3)}` },
  { name: "prefix 1R_", make: (t) => `1R_${t.slice(3)}` },
  { name: "no prefix", make: (t) => t.slice(3) },
  { name: "prefix sk-", make: (t) => `sk-${t.slice(3)}` },
  { name: "one character short", make: (t) => t.slice(0, -1) },
  { name: "one character long", make: (t) => `${t}0` },
  { name: "an underscore in the payload", make: (t) => `${t.slice(0, 10)}_${t.slice(11)}` },
  { name: "a percent-encoded character", make: (t) => `${t.slice(0, 10)}%41${t.slice(13)}` },
  { name: "all zeros with a matching length", make: (t) => `1r_${"0".repeat(t.length - 3)}` },
  { name: "a random payload with a correct checksum", make: () => formatRelayToken({ connectionId: crypto.getRandomValues(new Uint8Array(16)), secret: crypto.getRandomValues(new Uint8Array(32)) }) },
  { name: "upper-cased", make: (t) => t.toUpperCase() },
  { name: "repeated twice", make: (t) => `${t}${t}` },
  { name: "4 KiB long", make: (t) => `${t}${"A".repeat(4096)}` },
];
