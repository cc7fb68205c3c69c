import "server-only";
import { createDb } from "../db/client";
import { hitRateLimit } from "../db/rate-limits";
import { getServerEnv } from "../env/server-env";
import { AppError } from "../errors/app-error";
import { describeFieldIssue } from "../errors/field-sentences";
import { signIn } from "./auth";
import { emailAddressSchema } from "./email-address";
import { hashSignInToken } from "./hash";
import { normalizeSignInCode } from "./sign-in-code";
import { safeCallbackPath } from "./safe-callback";
import { checkVerificationToken } from "./verification-tokens";

// The two steps of signing in: ask for an emailed code, then type it (or click the link).

export const EMAILS_PER_ADDRESS = { limit: 5, windowMs: 15 * 60_000 };
const IP_WINDOW_MS = 15 * 60_000;

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return m === 1 ? "a minute" : `${m} minutes`;
}

/** Sends a sign-in email, within the per-address and per-IP limits. Returns the normalised address. */
export async function requestSignInEmail({
  email,
  callbackPath,
  clientIp,
}: {
  email: unknown;
  callbackPath: unknown;
  clientIp: string | null;
}): Promise<{ email: string; callbackPath: string }> {
  const parsed = emailAddressSchema.safeParse(email);
  if (!parsed.success) {
    throw new AppError({ code: "bad_request", field: "email", message: describeFieldIssue(parsed.error.issues[0]).message });
  }
  const address = parsed.data;
  const path = safeCallbackPath(callbackPath);
  const env = getServerEnv();
  if (env.EMAIL_TRANSPORT === "http" && !env.EMAIL_API_KEY) {
    throw new AppError({ code: "misconfigured", message: "Email is not configured on this server, so no sign-in code can be sent. Tell whoever runs it." });
  }
  const db = createDb(env.DB);
  const now = Date.now();
  const checks = [{ key: `signin-email:${address}`, ...EMAILS_PER_ADDRESS }];
  if (clientIp) checks.push({ key: `signin-ip:${clientIp}`, limit: env.SIGNIN_EMAILS_PER_IP, windowMs: IP_WINDOW_MS });
  for (const check of checks) {
    const decision = await hitRateLimit({ db, key: check.key, limit: check.limit, windowMs: check.windowMs, now });
    if (!decision.allowed) {
      throw new AppError({
        code: "rate_limited",
        retryAfter: decision.retryAfterSeconds,
        message: `Too many sign-in emails were asked for. Try again in ${minutes(decision.retryAfterSeconds)}, or use the last code you received.`,
      });
    }
  }
  // Auth.js reports a failure to send by returning its error page's URL, not by throwing.
  const next: unknown = await signIn("email", { email: address, redirect: false, redirectTo: path });
  if (typeof next === "string" && new URL(next, "http://x").searchParams.has("error")) {
    throw new AppError({ code: "upstream_unavailable", message: "We could not send the email just now. Please try again in a minute." });
  }
  return { email: address, callbackPath: path };
}

/**
 * Checks a typed code before handing it to Auth.js, so the person gets a precise
 * message (wrong, expired, too many tries). Returns the Auth.js callback URL that
 * finishes the sign-in (the same one the email's link points to).
 */
export async function verifySignInCode({
  email,
  code,
  callbackPath,
  clientIp,
}: {
  email: string;
  code: unknown;
  callbackPath: string;
  clientIp: string | null;
}): Promise<{ url: string }> {
  const normalized = typeof code === "string" ? normalizeSignInCode(code) : null;
  if (!normalized) {
    throw new AppError({ code: "bad_request", field: "code", message: "A sign-in code has 8 letters and digits, like 7KQ2-M9XD." });
  }
  const env = getServerEnv();
  const db = createDb(env.DB);
  // Five tries per code, and a bound per client address across every address it tries.
  if (clientIp) {
    const decision = await hitRateLimit({ db, key: `signin-verify-ip:${clientIp}`, limit: env.SIGNIN_VERIFY_PER_IP, windowMs: IP_WINDOW_MS, now: Date.now() });
    if (!decision.allowed) {
      throw new AppError({ code: "rate_limited", field: "code", retryAfter: decision.retryAfterSeconds, message: `Too many sign-in codes were tried from your network. Try again in ${minutes(decision.retryAfterSeconds)}.` });
    }
  }
  const result = await checkVerificationToken({
    db,
    identifier: email,
    tokenHash: hashSignInToken({ token: normalized, secret: env.AUTH_SECRET }),
    now: Date.now(),
  });
  switch (result.status) {
    case "ok": {
      const params = new URLSearchParams({ callbackUrl: safeCallbackPath(callbackPath), token: normalized, email });
      return { url: `/api/auth/callback/email?${params}` };
    }
    case "wrong":
      throw new AppError({
        code: "bad_request",
        field: "code",
        message: `That code is not right. ${result.attemptsLeft} ${result.attemptsLeft === 1 ? "try" : "tries"} left.`,
      });
    case "expired":
      throw new AppError({ code: "bad_request", field: "code", message: "That code has expired. Ask for a new one." });
    case "locked":
      throw new AppError({ code: "rate_limited", field: "code", message: "Too many wrong codes. Ask for a new code." });
    case "none":
      throw new AppError({ code: "bad_request", field: "code", message: "There is no sign-in code waiting for this address. Ask for a new one." });
  }
}
