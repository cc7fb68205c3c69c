import { z } from "zod";
import { listProviders, PROVIDER_IDS, PROVIDERS, type ProviderId } from "../providers/registry";

// Secrets and settings the worker needs, validated once per isolate. Bindings
// (DB, ACCOUNT, ASSETS) are checked for presence; their types come from wrangler.

/**
 * The public origin (v1.1 "One public origin"): every URL in an email, every `iss`, every link
 * shown to an app is built from it, never from Host or X-Forwarded-*. An origin only (no path,
 * no trailing slash); https, or http on a loopback host for local use.
 */
export const publicUrlSchema = z
  .string()
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    return url.origin === value && (url.protocol === "https:" || (url.protocol === "http:" && loopback));
  }, "must be the public origin, like https://1relay.example.com (no path or trailing slash; http only for localhost)");

const base64url32 = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "must be 32 random bytes in base64url (43 characters)");

const skIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Retired wrapping secrets that connections may still be stored under (SK rotation):
 * `id:secret` pairs separated by commas or whitespace, e.g. `sk1:AAAA…,sk0:BBBB…`.
 */
export const previousWrappingKeys = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const keys: { keyId: string; secret: string }[] = [];
    for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
      const [keyId = "", secret = "", ...rest] = entry.split(":");
      if (!skIdPattern.test(keyId) || !/^[A-Za-z0-9_-]{43}$/.test(secret) || rest.length > 0) {
        ctx.addIssue({ code: "custom", message: "each entry must be id:secret, a short id and 32 random bytes in base64url (43 characters)" });
        return z.NEVER;
      }
      if (keys.some((k) => k.keyId === keyId)) {
        ctx.addIssue({ code: "custom", message: `the key id ${keyId} appears twice` });
        return z.NEVER;
      }
      keys.push({ keyId, secret });
    }
    return keys;
  });

/** Each provider's base URL setting (its registry row names it), defaulting to the real host; http(s) only. */
function providerBaseUrlSettings(): Record<string, z.ZodDefault<z.ZodURL>> {
  const url = (fallback: string) => z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default(fallback);
  return Object.fromEntries(listProviders().map((p) => [p.baseUrl.setting, url(p.baseUrl.default)]));
}

/** The configured base URL of every provider, from validated settings. */
export function providerBaseUrls(settings: Record<string, unknown>): Record<ProviderId, string> {
  return Object.fromEntries(PROVIDER_IDS.map((id) => [id, String(settings[PROVIDERS[id].baseUrl.setting] ?? PROVIDERS[id].baseUrl.default)])) as Record<ProviderId, string>;
}

export const envSchema = z
  .object({
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters of randomness"),
    /** SK: the worker's wrapping secret (security model), never stored in the database. */
    RELAY_WRAPPING_SECRET: base64url32,
    RELAY_WRAPPING_KEY_ID: z.string().regex(skIdPattern, "must be a short id like sk1"),
    /** Earlier SKs, kept while connections stored under them move to the current one (on use). */
    RELAY_WRAPPING_PREVIOUS_KEYS: previousWrappingKeys,
    PUBLIC_URL: publicUrlSchema,
    EMAIL_TRANSPORT: z.enum(["local", "http"]).default("http"),
    EMAIL_FROM: z.string().min(3).default("1Relay <no-reply@localhost>"),
    EMAIL_API_URL: z.url().default("https://api.resend.com/emails"),
    EMAIL_API_KEY: z.string().min(1).optional(),
    /** Where people can write to whoever runs this deployment (the footer's Contact, /privacy#contact); optional. */
    CONTACT_EMAIL: z.email().optional(),
    /** Provider base URLs (OPENAI_BASE_URL, GROQ_BASE_URL…, one per registry row): configuration only, never from a request. */
    ...providerBaseUrlSettings(),
    /** How long the gateway waits for a provider (whole response, streams included). */
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(600_000),
    /** Sign-in emails one client IP may ask for per 15 minutes (per address it is always 5). */
    SIGNIN_EMAILS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Typed sign-in codes one client IP may check per 15 minutes (each code also allows only 5 tries). */
    SIGNIN_VERIFY_PER_IP: z.coerce.number().int().min(1).max(100_000).default(60),
    /** Authorization requests (GET /connect/authorize) one client IP may start per 15 minutes. */
    AUTHORIZE_REQUESTS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(120),
    /** Device authorization (decision 021): how long a device code and its user code live (RFC 8628 §3.2 expires_in). */
    DEVICE_CODE_TTL_SECONDS: z.coerce.number().int().min(5).max(1_800).default(600),
    /** The polling interval handed to programs (RFC 8628 §3.2 interval; +5 s after each slow_down). */
    DEVICE_POLL_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
    /** User codes one client IP may try at /device per 15 minutes (each try counted atomically, right or wrong). */
    DEVICE_CODE_ENTRIES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
    /** Device authorization requests (POST /connect/device) one client IP may start per 15 minutes. */
    DEVICE_REQUESTS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(60),
  })
  .loose()
  .refine((env) => !env.RELAY_WRAPPING_PREVIOUS_KEYS.some((k) => k.keyId === env.RELAY_WRAPPING_KEY_ID), {
    path: ["RELAY_WRAPPING_PREVIOUS_KEYS"],
    message: "must not list the current RELAY_WRAPPING_KEY_ID (give the new secret a new id)",
  });

export type AppSettings = z.infer<typeof envSchema>;

/** Turns zod's issues into one readable start-up error naming every bad variable. */
export function describeEnvIssues(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  return `1Relay cannot start: its configuration is invalid.\n${lines.join("\n")}\n` +
    "Locally, `npm run setup:local` writes .dev.vars; in a deployment set these with `wrangler secret put`.";
}
