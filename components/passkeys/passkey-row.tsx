"use client";

import { useState } from "react";
import { removePasskey } from "@/lib/passkeys/passkey-store";
import type { PasskeyRecord } from "@/lib/passkeys/wire";
import { describeVaultError } from "../vault/use-vault";
import { formatDay } from "./use-passkeys";

/** One passkey: name, dates, and Remove (asks first). */
export function PasskeyRow({ passkey }: { passkey: PasskeyRecord }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setError(null);
    setBusy(true);
    try {
      await removePasskey({ credentialId: passkey.credentialId });
    } catch (e) {
      setError(describeVaultError(e));
      setBusy(false);
    }
  }

  return (
    <li className="key-row" data-testid="passkey">
      <div className="key-main">
        <strong className="key-label">{passkey.name}</strong>
        <span className="hint">
          Added {formatDay(passkey.createdAt)} · {passkey.lastUsedAt ? `last used ${formatDay(passkey.lastUsedAt)}` : "not used yet"}
        </span>
      </div>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <div className="key-actions">
        {confirming ? (
          <>
            <span>Remove “{passkey.name}”? It will no longer sign you in or unlock your vault.</span>
            <button type="button" className="button danger" onClick={remove} disabled={busy}>Yes, remove</button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)} disabled={busy}>Cancel</button>
          </>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>Remove</button>
        )}
      </div>
    </li>
  );
}
