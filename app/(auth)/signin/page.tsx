import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { SiteHeader } from "@/components/site-header";
import { SignInForm } from "@/components/sign-in-form";
import { PasskeySignInButton } from "@/components/passkeys/passkey-sign-in-button";
import { requestCodeAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <>
      <SiteHeader />
      <main className="narrow">
        <h1>Sign in or sign up</h1>
        <p className="hint">New here? The same email creates your account.</p>
        <div className="card">
          <SignInForm action={requestCodeAction} callbackUrl={callbackUrl} />
          <PasskeySignInButton callbackUrl={callbackUrl} />
        </div>
      </main>
    </>
  );
}
