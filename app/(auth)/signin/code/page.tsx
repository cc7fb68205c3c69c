import type { Metadata } from "next";
import Link from "next/link";
import { getServerEnv } from "@/lib/env/server-env";
import { SiteHeader } from "@/components/site-header";
import { CodeForm } from "@/components/code-form";
import { verifyCodeAction } from "../actions";
import { readPendingSignIn } from "@/lib/auth/pending-sign-in";

export const metadata: Metadata = { title: "Enter your code" };

export default async function CodePage() {
  const pending = await readPendingSignIn();
  const localMail = getServerEnv().EMAIL_TRANSPORT === "local";
  return (
    <>
      <SiteHeader />
      <main className="narrow">
        <h1>Check your email</h1>
        {pending ? (
          <>
            <p>
              We sent a sign-in code and link to <strong>{pending.email}</strong>. Type the code here, or open the link
              in this browser. It expires in 10 minutes.
            </p>
            {localMail ? (
              <div className="alert info">
                Local mode: emails are printed in the server log and shown in the <a href="/dev/mailbox" target="_blank" rel="noopener">local mailbox</a>.
              </div>
            ) : null}
            <div className="card">
              <CodeForm action={verifyCodeAction} />
            </div>
            <p className="hint">
              Wrong address or no email? <Link href={`/signin?callbackUrl=${encodeURIComponent(pending.callbackPath)}`}>Ask for a new code</Link>.
            </p>
          </>
        ) : (
          <div className="card">
            <p>This sign-in has timed out or was started in another browser.</p>
            <Link className="button" href="/signin">
              Ask for a new code
            </Link>
          </div>
        )}
      </main>
    </>
  );
}
