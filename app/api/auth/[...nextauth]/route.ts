import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";

export const { GET } = handlers;

/**
 * Auth.js's own endpoints, except starting an email sign-in over HTTP: that goes
 * through our sign-in form (server action), which applies the per-address limits.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    return Response.json({ error: { code: "not_found", message: "Use the sign-in page." } }, { status: 404 });
  }
  return handlers.POST(request);
}
