/**
 * CRC-32 as in IEEE 802.3, zlib and gzip (RFC 1952 §8): reflected
 * polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF.
 * Check value: crc32("123456789") = 0xCBF43926.
 * A checksum for typos, not a MAC.
 */
import { assertBytes } from "./bytes";

const CRC32_TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 of `bytes` as an unsigned 32-bit integer. */
export function computeCrc32(bytes: Uint8Array): number {
  assertBytes(bytes, "bytes");
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC32_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
