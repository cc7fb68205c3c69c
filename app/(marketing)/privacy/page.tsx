import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { getServerEnv } from "@/lib/env/server-env";

export const metadata: Metadata = { title: "Privacy" };

// What this deployment keeps about people, in plain words, and how to reach whoever runs it.
// Static text that follows what the code stores (lib/db/migrations).

export default function PrivacyPage() {
  const contact = getServerEnv().CONTACT_EMAIL ?? null;
  return (
    <>
      <SiteHeader>
        <Link href="/signin">Sign in</Link>
      </SiteHeader>
      <main className="container prose">
        <h1>Privacy</h1>
        <p>1Relay keeps as little about you as it needs to keep your keys sealed and your limits true. Nothing here is sold, shared or used for advertising.</p>

        <h2>What is kept</h2>
        <ul>
          <li>
            <strong>Your email address</strong>, to sign you in with an emailed code or link. There is no password on our side: your master password never leaves your
            browser.
          </li>
          <li>
            <strong>Your sessions</strong>: a hash of each session cookie, when it was made and when it expires, the browser&apos;s User-Agent and the address (and,
            when Cloudflare knows it, the city) it signed in from, so you can recognise them in Settings. They go when the session ends or you end it.
          </li>
          <li>
            <strong>Your vault, sealed</strong>: your provider keys and connection keys encrypted in your browser. We cannot open them (see{" "}
            <Link href="/security">Security</Link>).
          </li>
          <li>
            <strong>Usage records</strong>: for each request through the gateway, which app or token, provider, model, status, token counts, cost and latency. Never
            the prompt or the answer: those pass through in memory and are not stored or logged.
          </li>
          <li>
            <strong>Security activity</strong>: sign-ins and changes to your vault, keys and connections, listed in Settings.
          </li>
          <li>
            <strong>Apps you register</strong> as a developer: their name, homepage, description, redirect URIs and logo, shown to the people who connect them.
          </li>
        </ul>

        <h2>What is not</h2>
        <ul>
          <li>No analytics, no third-party scripts, no tracking cookies: the only cookie is your session&apos;s.</li>
          <li>No prompts or completions, ever.</li>
          <li>No provider key in the clear, ever: not in the database, not in logs.</li>
        </ul>

        <h2>Deleting</h2>
        <p>
          Settings → Delete account removes your vault, keys, tokens, app connections, the apps you registered and your usage history. The database&apos;s point-in-time
          backups (Cloudflare D1 Time Travel) keep up to 30 days of history; nothing in them opens without your master password or a relay token.
        </p>

        <h2 id="contact">Contact</h2>
        {contact ? (
          <p>
            Write to whoever runs this 1Relay at <a href={`mailto:${contact}`}>{contact}</a>.
          </p>
        ) : (
          <p>Whoever runs this 1Relay has not published a contact address (the <code>CONTACT_EMAIL</code> setting).</p>
        )}
      </main>
    </>
  );
}
