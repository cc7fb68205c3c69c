"use client";

import { useState } from "react";
import { exampleModel, tokenSnippets } from "@/lib/connections/token-snippets";
import type { ConnectionSummary } from "@/lib/connections/wire";
import { isProviderId } from "@/lib/providers/registry";
import { Button } from "../ui/button";

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button onClick={async () => { await navigator.clipboard.writeText(text); setCopied(true); }}>
      {copied ? "Copied" : label}
    </Button>
  );
}

/** The full token, shown once, with what a client needs: the base URL and a curl line that works as it is. */
export function NewTokenNotice({ token, connection, publicUrl, onDone }: { token: string; connection: ConnectionSummary; publicUrl: string; onDone: () => void }) {
  const { baseUrl, curl } = tokenSnippets({ publicUrl, token, model: exampleModel({ policy: connection.policy, providers: connection.providers.filter(isProviderId) }) });
  return (
    <div className="card new-token" role="region" aria-label="Your new token">
      <h2>Your new token</h2>
      <p>Copy it now: it is shown only once. 1Relay keeps only a check value, so it cannot show it again.</p>
      <code className="key-value" data-testid="new-token">{token}</code>
      <div className="key-actions">
        <CopyButton text={token} label="Copy token" />
        <Button variant="secondary" onClick={onDone}>Done</Button>
      </div>
      <h3>Use it</h3>
      <p className="hint">
        Give a client the base URL <code data-testid="new-token-base-url">{baseUrl}</code> and the token as its API key, as you would for OpenAI. Or try it now:
      </p>
      <pre className="snippet" data-testid="new-token-curl">
        <code>{curl}</code>
      </pre>
      <CopyButton text={curl} label="Copy curl command" />
    </div>
  );
}
