import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

export const metadata: Metadata = { title: "Sign-in problem" };

const messages: Record<string, string> = {
  Verification: "That sign-in link or code is wrong, expired or already used. Ask for a new one.",
  AccessDenied: "This account cannot sign in.",
  Configuration: "Sign-in is not configured correctly on this server.",
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = (error && messages[error]) ?? "Signing in did not work. Please try again.";
  return (
    <>
      <SiteHeader />
      <main className="narrow">
        <h1>Could not sign you in</h1>
        <div className="alert error" role="alert">
          {message}
        </div>
        <Link className="button" href="/signin">
          Ask for a new code
        </Link>
      </main>
    </>
  );
}
