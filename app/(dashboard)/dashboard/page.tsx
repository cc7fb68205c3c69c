import type { Metadata } from "next";
import Link from "next/link";
import { getAccountSnapshot } from "@/lib/account/account-object";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requireUser();
  const snapshot = await getAccountSnapshot({ accountId: user.id });
  return (
    <>
      <h1>Welcome to 1Relay</h1>
      <p>Your keys stay sealed in your vault. Apps and bots get relay tokens with the limits you set.</p>
      <div className="stats">
        <div className="card stat">
          <div className="label">Account</div>
          <div className="value">{user.email}</div>
        </div>
        <div className="card stat" data-testid="account-object">
          <div className="label">Account object (limits and usage live here)</div>
          <div className="value">Live since {new Date(snapshot.createdAt).toISOString().slice(0, 10)}</div>
        </div>
      </div>
      <h2>Start here</h2>
      <ol className="steps">
        <li><Link href="/dashboard/vault">Create your vault</Link> and add your OpenAI, Anthropic or Gemini keys.</li>
        <li><Link href="/dashboard/tokens">Make a token</Link> for a bot or agent, or connect an app.</li>
        <li>Watch <Link href="/dashboard/usage">usage</Link> and revoke anything at once.</li>
      </ol>
    </>
  );
}
