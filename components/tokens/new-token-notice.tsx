"use client";

import { useState } from "react";

/** The full token, shown once, with a copy button. */
export function NewTokenNotice({ token, onDone }: { token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="card new-token" role="region" aria-label="Your new token">
      <h2>Your new token</h2>
      <p>Copy it now: it is shown only once. 1Relay keeps only a check value, so it cannot show it again.</p>
      <code className="key-value" data-testid="new-token">{token}</code>
      <div className="key-actions">
        <button type="button" className="button" onClick={async () => { await navigator.clipboard.writeText(token); setCopied(true); }}>
          {copied ? "Copied" : "Copy token"}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>Done</button>
      </div>
    </div>
  );
}
