"use client";

import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";
import { maskKey, providerNames } from "@/lib/vault/provider-keys";
import { deleteProviderKey, replaceProviderKey, revealProviderKey, testProviderKey } from "@/lib/vault/vault-store";
import type { VaultItemRecord } from "@/lib/vault/wire";

type Mode = "view" | "replace" | "confirm-delete";

export function KeyRow({ item, unlocked, usedBy = [], onChanged }: { item: VaultItemRecord; unlocked: boolean; usedBy?: string[]; onChanged?: () => void }) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>("view");
  const [replacement, setReplacement] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<{ ok: boolean; message: string } | null>(null);
  const action = useAction();

  function test() {
    setTestResult(null);
    void action.run(async () => setTestResult(await testProviderKey({ itemId: item.id })), { name: "test" });
  }

  let shown = "••••••••";
  if (unlocked) {
    try {
      shown = revealed ?? maskKey(revealProviderKey({ itemId: item.id }));
    } catch {
      shown = "cannot be opened";
    }
  }

  async function run(work: () => Promise<void>, done: string) {
    const ok = await action.run(work);
    if (!ok) return;
    setStatus(done);
    setMode("view");
    onChanged?.();
  }

  async function copy() {
    await run(async () => navigator.clipboard.writeText(revealProviderKey({ itemId: item.id })), "Copied");
  }

  function replace(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await replaceProviderKey({ itemId: item.id, secret: replacement.trim() });
      setReplacement("");
      setRevealed(null);
    }, "Replaced");
  }

  return (
    <li className="key-row" data-testid="vault-item" data-provider={item.provider}>
      <div className="key-main">
        <span className="badge">{providerNames[item.provider]}</span>
        <strong className="key-label">{item.label}</strong>
        <code className="key-value" data-testid="key-value">{shown}</code>
        {item.keyStatus === "rejected" ? (
          <span className="badge danger" data-testid="key-rejected" title="The provider refused this key the last time it was used">
            Rejected by {providerNames[item.provider]}
          </span>
        ) : null}
        {status ? <span className="hint" role="status">{status}</span> : null}
      </div>
      <div className="hint" data-testid="key-used-by">
        {usedBy.length === 0 ? "Not used by any token or app." : `Used by ${usedBy.join(", ")}. Replacing it moves them to the new key; they keep their tokens.`}
      </div>
      {testResult ? (
        <div className={`alert ${testResult.ok ? "info" : "error"}`} data-testid="key-test-result">
          {testResult.message}
        </div>
      ) : null}
      <Notice tone="error">{action.error}</Notice>
      {unlocked && mode === "view" ? (
        <div className="key-actions">
          <button type="button" className="button secondary" onClick={() => setRevealed(revealed ? null : revealProviderKey({ itemId: item.id }))}>
            {revealed ? "Hide" : "Reveal"}
          </button>
          <Button variant="secondary" onClick={copy} disabled={action.busy}>Copy</Button>
          <Button variant="secondary" onClick={test} disabled={action.busy} busy={action.pending === "test"} busyLabel="Testing…">Test</Button>
          <button type="button" className="button secondary" onClick={() => setMode("replace")}>Replace</button>
          <button type="button" className="button secondary danger" onClick={() => setMode("confirm-delete")}>Delete</button>
        </div>
      ) : null}
      {mode === "replace" ? (
        <form className="key-actions" onSubmit={replace} noValidate>
          <label className="visually-hidden" htmlFor={`replace-${item.id}`}>New API key for {item.label}</label>
          <input id={`replace-${item.id}`} type="password" autoComplete="off" placeholder="New API key" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
          <Button type="submit" busy={action.busy} busyLabel="Saving…">Save new key</Button>
          <button type="button" className="button secondary" onClick={() => setMode("view")}>Cancel</button>
        </form>
      ) : null}
      {mode === "confirm-delete" ? (
        <div className="key-actions">
          <span>
            Delete “{item.label}” from your vault?
            {usedBy.length > 0 ? ` ${usedBy.join(", ")} will lose ${providerNames[item.provider]}: their requests to it will be refused.` : ""}
          </span>
          <Button variant="danger" busy={action.busy} busyLabel="Deleting…" onClick={() => run(() => deleteProviderKey({ itemId: item.id }), "Deleted")}>
            Yes, delete
          </Button>
          <button type="button" className="button secondary" onClick={() => setMode("view")}>Keep it</button>
        </div>
      ) : null}
    </li>
  );
}
