import "server-only";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { recordAudit } from "../db/audit-queries";
import { createDb } from "../db/client";
import { getServerEnv, type ServerEnv } from "../env/server-env";
import { buildSignInEmail } from "../email/sign-in-email";
import { sendEmail, type EmailTransport } from "../email/send-email";
import { logError } from "../errors/log-error";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { createAuthAdapter, type SignInClient } from "./adapter";
import { normalizeEmailAddress } from "./email-address";
import { generateSignInCode, SIGN_IN_CODE_TTL_SECONDS } from "./sign-in-code";
import { buildSignInLink } from "./sign-in-link";

// Auth.js (next-auth v5): sign-in by an emailed code or link, database sessions in D1.
// The master password is never part of sign-in. Configured lazily per request because
// the bindings (D1) and secrets live in the Cloudflare request context.

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function emailTransportFor(env: ServerEnv): EmailTransport {
  return env.EMAIL_TRANSPORT === "local"
    ? { kind: "local", db: createDb(env.DB) }
    : { kind: "http", apiUrl: env.EMAIL_API_URL, apiKey: env.EMAIL_API_KEY, from: env.EMAIL_FROM };
}

function emailProvider(env: ServerEnv): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: env.EMAIL_FROM,
    maxAge: SIGN_IN_CODE_TTL_SECONDS,
    secret: env.AUTH_SECRET,
    options: {},
    normalizeIdentifier: normalizeEmailAddress,
    generateVerificationToken: () => generateSignInCode((n) => crypto.getRandomValues(new Uint8Array(n))),
    async sendVerificationRequest({ identifier, token, url }) {
      // The link is built on PUBLIC_URL, not on the origin Auth.js took from the request.
      const link = buildSignInLink({ publicUrl: env.PUBLIC_URL, identifier, token, authJsUrl: url });
      await sendEmail({ transport: emailTransportFor(env), message: buildSignInEmail({ to: identifier, code: token, url: link }) });
    },
  };
}

/** The browser and address of a request that may create a session (only the sign-in callback does). */
function signInClient(request: Request | undefined): SignInClient | null {
  if (!request) return null;
  const ip = request.headers.get("cf-connecting-ip");
  const cf = getCloudflareContext().cf as { city?: unknown; country?: unknown } | undefined;
  // Locally there is no real location (and Miniflare makes one up): a loopback address has none.
  const local = ip === null || ip === "127.0.0.1" || ip === "::1";
  const place = local ? null : [cf?.city, cf?.country].filter((v): v is string => typeof v === "string" && v !== "").join(", ") || null;
  return { userAgent: request.headers.get("user-agent"), ip, place };
}

export const { handlers, auth, signIn, signOut } = NextAuth((request) => {
  const env = getServerEnv();
  // Auth.js builds its own URLs (callbacks, redirects, the secure-cookie choice) from AUTH_URL
  // when it is set, else from Host / X-Forwarded-Host: it is always our public origin. Set before
  // Auth.js reads it (next-auth resolves this config first on every call).
  process.env.AUTH_URL = env.PUBLIC_URL;
  return {
    adapter: createAuthAdapter(createDb(env.DB), signInClient(request)),
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/signin/code", error: "/signin/error" },
    providers: [emailProvider(env)],
    // Auth.js's own log lines go through our scrubbed logger (no tokens, no addresses' codes).
    logger: {
      error: (error) => logError({ where: "auth.js", error }),
      warn: (code) => console.warn(JSON.stringify({ level: "warn", where: "auth.js", code })),
      debug: () => {},
    },
    events: {
      async signIn({ user }) {
        if (user.id) await recordAudit({ db: createDb(env.DB), userId: user.id, kind: "sign_in" }).catch((error: unknown) => logError({ where: "audit sign_in", error }));
      },
    },
    callbacks: {
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
  };
});
