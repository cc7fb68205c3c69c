import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { askedToSignIn } from "@/lib/auth/pending-sign-in";

/**
 * Auth.js's own endpoints. A sign-in link (GET /api/auth/callback/email) opened in a browser that
 * did not ask for it goes to "you are signing in as …" first (login CSRF: nobody can sign you in
 * to their account by making your browser open their link).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname.endsWith("/callback/email") && !(await askedToSignIn(searchParams.get("email")))) {
    const confirm = new URL("/signin/link", request.nextUrl.origin);
    for (const name of ["email", "token", "callbackUrl"]) {
      const value = searchParams.get(name);
      if (value !== null) confirm.searchParams.set(name, value);
    }
    return new Response(null, { status: 303, headers: { location: `${confirm.pathname}${confirm.search}`, "cache-control": "no-store" } });
  }
  return handlers.GET(request);
}

/**
 * Starting an email sign-in over HTTP goes through our sign-in form (server action), which
 * applies the per-address limits, not Auth.js's own endpoint.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    return Response.json({ error: { code: "not_found", message: "Use the sign-in page." } }, { status: 404 });
  }
  return handlers.POST(request);
}
