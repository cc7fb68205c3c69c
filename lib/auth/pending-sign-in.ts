import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { getServerEnv } from "../env/server-env";
import { emailAddressSchema } from "./email-address";

// Which address is waiting for a code, kept in a short-lived cookie rather than the URL. It is
// also this browser's proof that it asked to sign in: a sign-in link opened in a browser without
// it (login CSRF: someone else's link, or a crafted one) stops at "you are signing in as …"
// and needs a click (app/(auth)/signin/link).
const cookieName = "1r_pending_signin";
const pendingSchema = z.object({ email: z.string().min(3).max(254), callbackPath: z.string().startsWith("/").max(2048) });
export type PendingSignIn = z.infer<typeof pendingSchema>;

export async function savePendingSignIn(pending: PendingSignIn): Promise<void> {
  (await cookies()).set(cookieName, JSON.stringify(pending), {
    httpOnly: true,
    sameSite: "lax",
    secure: getServerEnv().PUBLIC_URL.startsWith("https:"),
    path: "/",
    maxAge: 15 * 60,
  });
}

export async function readPendingSignIn(): Promise<PendingSignIn | null> {
  const raw = (await cookies()).get(cookieName)?.value;
  if (!raw) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** True when this browser asked for a sign-in email for `email` (in the last 15 minutes). */
export async function askedToSignIn(email: string | null): Promise<boolean> {
  const pending = await readPendingSignIn();
  const parsed = emailAddressSchema.safeParse(email);
  return pending !== null && parsed.success && pending.email === parsed.data;
}
