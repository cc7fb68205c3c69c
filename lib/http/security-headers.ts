// Security headers for every page (security model, "Server hygiene"): a strict CSP with a
// per-request nonce, no referrer, no framing. Pure so that vitest covers it directly.

export function buildContentSecurityPolicy({ nonce, isDev }: { nonce: string; isDev: boolean }): string {
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(nonce)) throw new TypeError("nonce must be base64 of at least 12 random bytes");
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts loaded by a nonced script are trusted; host lists are ignored.
    "script-src": [`'nonce-${nonce}'`, "'strict-dynamic'", ...(isDev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(isDev ? ["ws:"] : [])],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "manifest-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** Headers every HTML response carries besides the CSP. */
export function staticSecurityHeaders({ isHttps }: { isHttps: boolean }): Record<string, string> {
  return {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...(isHttps ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** JSON answers need no script policy: nothing in them may load or run. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Headers every JSON API answer carries (the gateway's, and the worker entry's own). */
export function apiSecurityHeaders({ isHttps }: { isHttps: boolean }): Record<string, string> {
  return { ...staticSecurityHeaders({ isHttps }), "Content-Security-Policy": API_CSP };
}

/** A fresh nonce: 16 random bytes in base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
