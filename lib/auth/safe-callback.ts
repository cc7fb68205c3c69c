/**
 * Where to go after sign-in: only a path on this site ("/dashboard/vault?x=1").
 * Anything else (absolute URLs, protocol-relative "//evil", backslashes, control
 * characters) falls back to the dashboard, so sign-in cannot be used as an open redirect.
 */
export function safeCallbackPath(raw: unknown, fallback = "/dashboard"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, "https://1relay.invalid");
    if (url.origin !== "https://1relay.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
