"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { emailAddressSchema } from "@/lib/auth/email-address";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { requestSignInEmail, verifySignInCode } from "@/lib/auth/sign-in-flow";
import { isAppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import { readPendingSignIn, savePendingSignIn } from "@/lib/auth/pending-sign-in";

export interface FormState {
  error?: string;
  /** Where the browser goes next (the Auth.js callback that sets the session). */
  next?: string;
}

function messageOf(error: unknown, where: string): string {
  if (isAppError(error)) return error.message;
  logError({ where, error });
  return "Something went wrong on our side. Please try again.";
}

export async function requestCodeAction(_prev: FormState, form: FormData): Promise<FormState> {
  let pending;
  try {
    const clientIp = (await headers()).get("cf-connecting-ip");
    pending = await requestSignInEmail({ email: form.get("email"), callbackPath: form.get("callbackUrl"), clientIp });
  } catch (error) {
    return { error: messageOf(error, "requestCodeAction") };
  }
  await savePendingSignIn(pending);
  redirect("/signin/code");
}

export async function verifyCodeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const pending = await readPendingSignIn();
  if (!pending) return { error: "This sign-in has timed out. Ask for a new code." };
  try {
    const clientIp = (await headers()).get("cf-connecting-ip");
    const { url } = await verifySignInCode({ email: pending.email, code: form.get("code"), callbackPath: pending.callbackPath, clientIp });
    return { next: url };
  } catch (error) {
    return { error: messageOf(error, "verifyCodeAction") };
  }
}

/**
 * "Continue as …" on the sign-in link page: this browser now asked (the click is the person's
 * own, on our page: server actions refuse other origins), so the link goes through.
 */
export async function confirmLinkSignInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = emailAddressSchema.safeParse(form.get("email"));
  const token = form.get("token");
  if (!email.success || typeof token !== "string" || !/^[0-9A-Za-z]{1,32}$/.test(token)) return { error: "This sign-in link is incomplete. Ask for a new code." };
  const callbackPath = safeCallbackPath(form.get("callbackUrl"));
  await savePendingSignIn({ email: email.data, callbackPath });
  return { next: `/api/auth/callback/email?${new URLSearchParams({ callbackUrl: callbackPath, token, email: email.data })}` };
}
