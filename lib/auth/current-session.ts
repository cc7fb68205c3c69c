import "server-only";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { cookies } from "next/headers";
import { encodeHex, encodeUtf8 } from "../crypto/encoding";
import { getServerEnv } from "../env/server-env";
import { sha256Hex } from "./hash";

// The signed-in session of this request, by the SHA-256 of its cookie (what D1 stores), and a
// tag of it for the browser: tabs of the same signed-in session get the same tag, so an
// unlocked tab shares the vault key only with tabs of its own session (lib/vault/vault-share.ts).
// The tag is an HMAC under AUTH_SECRET: it reveals nothing of the cookie or of its stored hash.

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

export async function currentSessionHash(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return sha256Hex(value);
  }
  return null;
}

/** 128 bits of HMAC-SHA256(AUTH_SECRET, "1relay/v1/tab-session/" ‖ session hash), hex; null without a session. */
export async function currentSessionTag(): Promise<string | null> {
  const hash = await currentSessionHash();
  if (hash === null) return null;
  return encodeHex(hmac(sha256, encodeUtf8(getServerEnv().AUTH_SECRET), encodeUtf8(`1relay/v1/tab-session/${hash}`))).slice(0, 32);
}
