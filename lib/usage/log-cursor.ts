// The request log's keyset cursor: the (created_at, id) of the last row shown, newest first.
// Opaque to clients (base64url of "createdAt.id"), checked strictly when it comes back.

export interface LogCursor {
  createdAt: number;
  id: string;
}

const toBase64Url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

export function encodeLogCursor(cursor: LogCursor): string {
  return toBase64Url(`${cursor.createdAt}.${cursor.id}`);
}

/** The cursor, or null when the text is not one we made. */
export function decodeLogCursor(text: string): LogCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  let plain: string;
  try {
    plain = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(plain);
  if (!match) return null;
  return { createdAt: Number(match[1]), id: match[2]! };
}
