import "server-only";
import { AppError } from "../errors/app-error";
import { auth } from "./auth";

export interface CurrentUser {
  id: string;
  email: string;
}

/** The signed-in person, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null } | undefined;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email };
}

/** The signed-in person, or an `unauthenticated` AppError (for route handlers). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError({ code: "unauthenticated", message: "Sign in first." });
  return user;
}
