"use client";

import { useState } from "react";
import type { SnippetPart } from "@/lib/agents/agent-setups";
import styles from "./agents.module.css";

/** One piece of an agent's set-up (a shell block, a config file), with a copy button. */
export function SnippetPartView({ part, testId }: { part: SnippetPart; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.part}>
      <div className={styles.partHead}>
        <span>{part.label}</span>
        <button
          type="button"
          className="button secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(part.text);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <pre>
        <code data-testid={testId}>{part.text}</code>
      </pre>
    </div>
  );
}
