import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, createNonce, staticSecurityHeaders } from "./lib/http/security-headers";

// Every page gets a fresh CSP nonce (Next applies it to its own scripts when it sees the
// CSP on the request) and the static security headers. Signed-out visits to the dashboard
// go to sign-in and come back; the dashboard layout checks the session for real.
// (Next 16 calls this file proxy.ts, but that runs on Node, which OpenNext cannot host.)

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isHttps = request.nextUrl.protocol === "https:";

  if (pathname.startsWith("/dashboard") && !sessionCookies.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    const redirect = NextResponse.redirect(signIn);
    for (const [name, value] of Object.entries(staticSecurityHeaders({ isHttps }))) redirect.headers.set(name, value);
    return redirect;
  }

  // Our JSON API is for our own pages: a browser request from another site is refused
  // (defence in depth on top of SameSite cookies and JSON-only bodies).
  if (isCrossSiteWrite(request)) {
    return Response.json({ error: { code: "forbidden", message: "Cross-site requests are not allowed." } }, { status: 403 });
  }

  const nonce = createNonce();
  const csp = buildContentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-pathname", `${pathname}${search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders({ isHttps }))) response.headers.set(name, value);
  // The consent pages (apps and devices) and the OAuth endpoints are never cached.
  if (pathname.startsWith("/connect/logo/")) response.headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
  else if (pathname.startsWith("/connect/") || pathname === "/device") response.headers.set("Cache-Control", "no-store");
  // The widget script is loaded by other sites' pages.
  if (pathname === "/connect.js") response.headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  return response;
}

function isCrossSiteWrite(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith("/api/") || pathname.startsWith("/api/auth/")) return false;
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return false;
  const site = request.headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)" }],
};
