import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createDb } from "@/lib/db/client";
import { getServerEnv } from "@/lib/env/server-env";
import { SiteHeader } from "@/components/site-header";

export const metadata: Metadata = { title: "Local mailbox" };

// The local mailbox: exists only with EMAIL_TRANSPORT=local (the embedded default).
// In a deployment this page is a 404 and nothing is written to the table.
export default async function MailboxPage() {
  const env = getServerEnv();
  if (env.EMAIL_TRANSPORT !== "local") notFound();
  const mails = await createDb(env.DB)
    .selectFrom("dev_mailbox")
    .select(["id", "to_address", "subject", "text_body", "created_at"])
    .orderBy("created_at", "desc")
    .limit(50)
    .execute();
  return (
    <>
      <SiteHeader />
      <main className="container">
        <h1>Local mailbox</h1>
        <p className="hint">Emails the local server would have sent, newest first. Only in local mode.</p>
        {mails.length === 0 ? <p>No emails yet.</p> : null}
        {mails.map((m) => (
          <article className="card" key={m.id} data-testid="mail" data-to={m.to_address}>
            <p>
              <strong>To:</strong> {m.to_address} · <strong>Subject:</strong> {m.subject} ·{" "}
              <time dateTime={new Date(m.created_at).toISOString()}>{new Date(m.created_at).toISOString()}</time>
            </p>
            <div className="mail">{m.text_body}</div>
          </article>
        ))}
      </main>
    </>
  );
}
