import type { Metadata } from "next";
import Link from "next/link";
import { AgentsScreen } from "@/components/agents/agents-screen";
import { TerminalLogin } from "@/components/agents/terminal-login";
import { getServerEnv } from "@/lib/env/server-env";

export const metadata: Metadata = { title: "Use with agents" };

export default function AgentsPage() {
  return (
    <>
      <h1>Use with agents</h1>
      <p>
        Claude Code, Codex CLI, Gemini CLI and any OpenAI-compatible tool can run on your keys through 1Relay. Each gets a{" "}
        <Link href="/dashboard/tokens">token</Link> of its own: it never sees a key, and it stays within the budget, rate limit and models you give it until you revoke it.
      </p>
      {/* The set-ups name this deployment's public origin (PUBLIC_URL), never the request's Host. */}
      <AgentsScreen origin={getServerEnv().PUBLIC_URL} />
      <TerminalLogin origin={getServerEnv().PUBLIC_URL} />
    </>
  );
}
