import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";

// Which address is waiting for a code, kept in a short-lived cookie rather than the URL.
const cookieName = "1r_pending_signin";
const pendingSchema = z.object({ email: z.string().min(3).max(254), callbackPath: z.string().startsWith("/").max(2048) });
export type PendingSignIn = z.infer<typeof pendingSchema>;

export async function savePendingSignIn(pending: PendingSignIn): Promise<void> {
  (await cookies()).set(cookieName, JSON.stringify(pending), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && process.env.AUTH_URL?.startsWith("https:") === true,
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
