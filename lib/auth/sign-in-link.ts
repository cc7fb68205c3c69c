import { safeCallbackPath } from "./safe-callback";

/**
 * The link in a sign-in email, on the configured public origin (PUBLIC_URL), never on the
 * origin Auth.js derived from the request (Host or X-Forwarded-Host can be forged, and the
 * link carries the code). Only the path of the requested callback is kept.
 */
export function buildSignInLink({ publicUrl, identifier, token, authJsUrl }: { publicUrl: string; identifier: string; token: string; authJsUrl: string }): string {
  let callbackPath = "/dashboard";
  try {
    const requested = new URL(authJsUrl).searchParams.get("callbackUrl");
    if (requested) {
      const url = new URL(requested, publicUrl);
      callbackPath = safeCallbackPath(`${url.pathname}${url.search}${url.hash}`);
    }
  } catch {
    // A malformed URL from Auth.js: the dashboard.
  }
  const link = new URL("/api/auth/callback/email", publicUrl);
  link.search = new URLSearchParams({ callbackUrl: callbackPath, token, email: identifier }).toString();
  return link.href;
}
