import { createHash } from "node:crypto";

/**
 * Every form in which a secret could be seen on the wire: plain, URL-encoded, JSON-escaped,
 * UTF-8 hex, base64 and base64url, and the hex / base64 / base64url of its SHA-1 and SHA-256.
 */
export function secretForms(secret: string): string[] {
  const utf8 = Buffer.from(secret, "utf8");
  const encodings = (bytes: Buffer) => [bytes.toString("hex"), bytes.toString("base64"), bytes.toString("base64url")];
  const forms = [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    ...encodings(utf8),
    ...encodings(createHash("sha1").update(utf8).digest()),
    ...encodings(createHash("sha256").update(utf8).digest()),
  ];
  return [...new Set(forms.flatMap((f) => [f, f.toLowerCase(), f.toUpperCase()]))];
}

/** Forms of a raw key that may also appear as a substring (long enough to be unambiguous). */
export function keyForms(key: string): string[] {
  return secretForms(key);
}
