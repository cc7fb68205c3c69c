import type { Metadata } from "next";
import { TerminalLogin } from "@/components/agents/terminal-login";
import { TokensScreen } from "@/components/tokens/tokens-screen";
import { getServerEnv } from "@/lib/env/server-env";

export const metadata: Metadata = { title: "Tokens" };

export default function TokensPage() {
  return (
    <>
      <h1>Tokens</h1>
      <p>
        Scoped relay tokens for bots and agents. Call <code>POST /v1/chat/completions</code> with{" "}
        <code>Authorization: Bearer 1r_…</code> exactly as you would call OpenAI.
      </p>
      <TokensScreen publicUrl={getServerEnv().PUBLIC_URL} />
      <TerminalLogin origin={getServerEnv().PUBLIC_URL} />
    </>
  );
}
