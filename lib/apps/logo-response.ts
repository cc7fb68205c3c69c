import "server-only";
import { CLIENT_ID_SYNTAX } from "../connect/codes";
import { getAppLogo } from "../db/app-queries";
import { createDb } from "../db/client";
import { getServerEnv } from "../env/server-env";

// GET /connect/logo/{clientId}: an app's logo served from our own origin (never hot-linked),
// with the type sniffed at upload. Locked down in case a file is ever more than an image:
// no sniffing, a sandboxing CSP with nothing allowed, not embeddable by other origins.

const LOGO_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "cross-origin-resource-policy": "same-origin",
} as const;

export async function appLogoResponse({ clientId }: { clientId: string }): Promise<Response> {
  const logo = CLIENT_ID_SYNTAX.test(clientId) ? await getAppLogo({ db: createDb(getServerEnv().DB), clientId }) : null;
  if (!logo) {
    return new Response("Not found", { status: 404, headers: { ...LOGO_HEADERS, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  return new Response(logo.bytes, {
    status: 200,
    headers: { ...LOGO_HEADERS, "content-type": logo.type, "cache-control": "public, max-age=300" },
  });
}
