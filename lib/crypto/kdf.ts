/**
 * Master key derivation: Argon2id v0x13 (RFC 9106) from the NFKC-normalised
 * master password. Parameters come from the server and are checked here
 * against fixed bounds whatever the server sends.
 */
import { argon2idAsync } from "@noble/hashes/argon2.js";
import { assertBytes, wipeBytes } from "./bytes";
import { encodePassword } from "./encoding";
import { KEY_BYTES, SALT_BYTES } from "./random";

/** Argon2id cost: m = memory in KiB, t = passes, p = lanes (RFC 9106 §3.1). */
export type Argon2Params = { readonly m: number; readonly t: number; readonly p: number };

/** Default for new vaults: 64 MiB, 3 passes, 4 lanes. */
export const DEFAULT_ARGON2_PARAMS: Argon2Params = Object.freeze({ m: 65536, t: 3, p: 4 });

/** Accepted range, inclusive: m in [19 MiB, 1 GiB], t in [2, 10], p in [1, 8]. */
export const ARGON2_PARAM_BOUNDS = Object.freeze({
  m: Object.freeze({ min: 19 * 1024, max: 1024 * 1024 }),
  t: Object.freeze({ min: 2, max: 10 }),
  p: Object.freeze({ min: 1, max: 8 }),
});

// RFC 9106 §3.1: version number 0x13.
const ARGON2_VERSION = 0x13;

/** TypeError unless m, t, p are integers; RangeError when any is out of bounds. */
export function assertArgon2Params(params: unknown): asserts params is Argon2Params {
  if (typeof params !== "object" || params === null) throw new TypeError("Argon2 params must be an object");
  for (const name of ["m", "t", "p"] as const) {
    const value: unknown = (params as Record<string, unknown>)[name];
    if (typeof value !== "number" || !Number.isInteger(value)) {
      throw new TypeError(`Argon2 param ${name} must be an integer`);
    }
    const { min, max } = ARGON2_PARAM_BOUNDS[name];
    if (value < min || value > max) {
      throw new RangeError(`Argon2 param ${name}=${value} is outside [${min}, ${max}]`);
    }
  }
}

/** True when any parameter is below the current default (re-wrap VK after unlock). */
export function needsParamUpgrade(params: Argon2Params): boolean {
  assertArgon2Params(params);
  const d = DEFAULT_ARGON2_PARAMS;
  return params.m < d.m || params.t < d.t || params.p < d.p;
}

/** Canonical text form, bound into the vault AAD: `m=65536,t=3,p=4`. */
export function formatArgon2Params(params: Argon2Params): string {
  assertArgon2Params(params);
  return `m=${params.m},t=${params.t},p=${params.p}`;
}

/** Parses the canonical text form (no spaces, no leading zeros), then checks bounds. */
export function parseArgon2Params(text: string): Argon2Params {
  if (typeof text !== "string") throw new TypeError("Argon2 params text must be a string");
  const match = /^m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})$/.exec(text);
  if (match === null) throw new TypeError("Argon2 params text must look like m=65536,t=3,p=4");
  const params = { m: Number(match[1]), t: Number(match[2]), p: Number(match[3]) };
  assertArgon2Params(params);
  return Object.freeze(params);
}

export type DeriveMasterKeyInput = {
  password: string;
  /** 16 random bytes stored with the vault. */
  salt: Uint8Array;
  params: Argon2Params;
  /** Called with the completion fraction in [0, 1]. */
  onProgress?: (progress: number) => void;
};

/**
 * MK = Argon2id(NFKC(password) as UTF-8, salt, params), 32 bytes.
 * Async so the UI stays responsive; the caller wipes MK when done.
 */
export async function deriveMasterKey(input: DeriveMasterKeyInput): Promise<Uint8Array> {
  const { password, salt, params, onProgress } = input;
  assertBytes(salt, "salt", SALT_BYTES);
  assertArgon2Params(params);
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new TypeError("onProgress must be a function");
  }
  const passwordBytes = encodePassword(password);
  try {
    return await argon2idAsync(passwordBytes, salt, {
      m: params.m,
      t: params.t,
      p: params.p,
      version: ARGON2_VERSION,
      dkLen: KEY_BYTES,
      ...(onProgress === undefined ? {} : { onProgress }),
    });
  } finally {
    wipeBytes(passwordBytes);
  }
}
