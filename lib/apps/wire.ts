import { z } from "zod";
import { MAX_ORIGINS, normaliseOriginList } from "../http/origins";
import { isLoopbackHttp, validateRedirectUriForRegistration } from "../connect/redirect-uri";

// Registered apps on the wire between the developer's browser and the server (zod, both
// sides). The name, homepage and description appear on the consent page, so they are
// plain, bounded text: no control or bidi-override characters that could disguise them.

export const MAX_REDIRECT_URIS = 10;
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** https, or http on a loopback host (an app in development), as for redirect URIs; no credentials. */
function isPlainHomepageUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || isLoopbackHttp(url)) && url.hostname !== "" && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

export const appNameSchema = z
  .string()
  .trim()
  .min(1, "Give the app a name.")
  .max(60, "Keep the app name to 60 characters.")
  .refine((v) => !UNSAFE_TEXT.test(v), "The app name must not contain control characters.");

export const homepageSchema = z
  .string()
  .trim()
  .min(1, "Enter the app's homepage.")
  .max(500, "Keep the homepage URL to 500 characters.")
  .refine(isPlainHomepageUrl, "The homepage must be an https URL, such as https://app.example.com (http only on loopback: http://localhost:3000).");

export const descriptionSchema = z
  .string()
  .trim()
  .max(300, "Keep the description to 300 characters.")
  .refine((v) => !UNSAFE_TEXT.test(v), "The description must be one line of text, without control characters.");

/** Exact redirect URIs: each checked like the authorization endpoint will match it, no duplicates. */
export const redirectUrisSchema = z
  .array(z.string())
  .min(1, "Add at least one redirect URI.")
  .max(MAX_REDIRECT_URIS, `Register at most ${MAX_REDIRECT_URIS} redirect URIs.`)
  .superRefine((uris, ctx) => {
    uris.forEach((uri, index) => {
      const check = validateRedirectUriForRegistration(uri);
      if (!check.ok) ctx.addIssue({ code: "custom", path: [index], message: `Redirect URI ${index + 1}: ${check.message}` });
      else if (uris.indexOf(uri) !== index) ctx.addIssue({ code: "custom", path: [index], message: `Redirect URI ${index + 1} is listed twice.` });
    });
  });

/** The web origins the app's pages run on (decision 022): typed freely, stored in normal form, no repeats. */
export const appOriginsSchema = z
  .array(z.string())
  .max(MAX_ORIGINS, `Register at most ${MAX_ORIGINS} web origins.`)
  .transform((origins, ctx) => {
    const checked = normaliseOriginList(origins);
    if (checked.ok) return checked.origins;
    ctx.addIssue({ code: "custom", path: [checked.index], message: checked.message });
    return z.NEVER;
  });

export const registerAppSchema = z.strictObject({
  name: appNameSchema,
  homepage: homepageSchema,
  description: descriptionSchema,
  redirectUris: redirectUrisSchema,
  /** Optional for clients written before origins existed: none then (the app cannot be used from a browser page). */
  origins: appOriginsSchema.optional().transform((origins) => origins ?? []),
});
/** The checked body; `origins` may be left out by callers written before it (none). */
export type RegisterAppBody = Omit<z.infer<typeof registerAppSchema>, "origins"> & { origins?: string[] };

/** An update replaces every field (the form always sends them all). */
export const updateAppSchema = registerAppSchema;
export type UpdateAppBody = RegisterAppBody;

/** What the developer's dashboard sees of an app: never the secret or its hash. */
export interface AppSummary {
  clientId: string;
  name: string;
  homepage: string;
  description: string;
  redirectUris: string[];
  /** The web origins its pages run on, in normal form (decision 022). */
  origins: string[];
  logoVersion: number;
  hasLogo: boolean;
  /** True once the app holds a client secret. */
  confidential: boolean;
  /** The secret's last four characters, to tell secrets apart. */
  secretHint: string | null;
  createdAt: number;
  /** When the deployment's operator verified who runs the app (null: unverified). Any change to what the consent page shows clears it. */
  verifiedAt: number | null;
}
