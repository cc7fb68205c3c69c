// CORS for the token and revocation endpoints (decision 022): a public client whose pages run in
// a browser may call POST /connect/token and /connect/revoke from the origins it registered, and
// from nowhere else. The client is named in the body, so a preflight (a JSON body) names the
// page's origin without judging it; the POST itself is refused before anything is done when the
// client did not register that origin, and an allowed answer names that origin only. No
// credentials, never `*`. Pure.
import { isOriginAllowed, isSerialisedHttpOrigin } from "../http/origins";

export const CONNECT_CORS_ENDPOINTS = ["token", "revoke"] as const;

/** The `Origin` when another site's page sent the request (not our own origin, nor the configured public one), else null. */
export function connectCrossOrigin({ request, publicUrl }: { request: Request; publicUrl: string }): string | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  if (origin === new URL(request.url).origin || origin === new URL(publicUrl).origin) return null;
  return origin;
}

/** The client_id a body names (form-encoded text or a JSON object), or null. */
export function clientIdOfBody(body: unknown): string | null {
  if (typeof body === "string") return new URLSearchParams(body).get("client_id");
  if (typeof body === "object" && body !== null && typeof (body as { client_id?: unknown }).client_id === "string") return (body as { client_id: string }).client_id;
  return null;
}

/** Whether the client registered this page's origin. */
export function clientAllowsOrigin({ origin, registered }: { origin: string; registered: readonly string[] }): boolean {
  return isOriginAllowed({ origin, allowed: registered });
}

/** The preflight answer: the page's origin named when well formed, POST and content-type only. */
export function connectPreflight(request: Request): Response {
  const headers = new Headers({ vary: "Origin", allow: "POST, OPTIONS", "cache-control": "no-store" });
  const origin = request.headers.get("origin");
  if (origin !== null && isSerialisedHttpOrigin(origin)) {
    headers.set("access-control-allow-origin", origin);
    headers.set("access-control-allow-methods", "POST");
    headers.set("access-control-allow-headers", "content-type");
    headers.set("access-control-max-age", "7200");
  }
  return new Response(null, { status: 204, headers });
}

/** An allowed answer: readable by that origin only. */
export function withConnectCors({ response, origin }: { response: Response; origin: string }): Response {
  const headers = new Headers(response.headers);
  headers.set("access-control-allow-origin", origin);
  headers.append("vary", "Origin");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
