import type { Metadata } from "next";
import Link from "next/link";
import { emailAddressSchema } from "@/lib/auth/email-address";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { ConfirmLinkForm } from "@/components/confirm-link-form";
import { SiteHeader } from "@/components/site-header";
import { confirmLinkSignInAction } from "../actions";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/**
 * A sign-in link opened in a browser that did not ask for it (login CSRF, or a link sent on to
 * another device): nothing happens until the person sees whose account this is and clicks.
 */
export default async function ConfirmLinkSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const email = emailAddressSchema.safeParse(one(params.email));
  const token = one(params.token);
  if (!email.success || !/^[0-9A-Za-z]{1,32}$/.test(token)) {
    return (
      <>
        <SiteHeader />
        <main className="narrow">
          <h1>This sign-in link is incomplete</h1>
          <Link className="button" href="/signin">Ask for a new code</Link>
        </main>
      </>
    );
  }
  return (
    <>
      <SiteHeader />
      <main className="narrow">
        <h1>Confirm sign-in</h1>
        <div className="card">
          <p>
            You are signing in as <strong data-testid="link-sign-in-as">{email.data}</strong>.
          </p>
          <p className="hint">
            This browser did not ask for this sign-in. Continue only if you asked for a 1Relay sign-in email and opened it yourself. If someone sent you this link,
            do not continue: you would be working in their account.
          </p>
          <ConfirmLinkForm action={confirmLinkSignInAction} email={email.data} token={token} callbackUrl={safeCallbackPath(one(params.callbackUrl))} />
          <p className="hint">
            <Link href="/">I did not ask for this</Link>
          </p>
        </div>
      </main>
    </>
  );
}
