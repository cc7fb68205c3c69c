"use client";

import { useState, useSyncExternalStore } from "react";
import { getHeldPasskeys, keepPasskeyThroughRotation, subscribeHeldPasskeys } from "@/lib/passkeys/rotation-passkeys";
import { describeVaultError } from "../vault/use-vault";
import { usePasskeys } from "./use-passkeys";
import styles from "./passkeys.module.css";

const noneHeld: ReadonlySet<string> = new Set();

/**
 * In "Rotate the vault key": each passkey must be touched once to be re-wrapped under the new
 * vault key; the ones not touched are removed with the rotation (add them again afterwards).
 */
export function RotationPasskeys() {
  const { passkeys } = usePasskeys();
  const held = useSyncExternalStore(subscribeHeldPasskeys, getHeldPasskeys, () => noneHeld);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (passkeys.length === 0) return null;

  async function keep(credentialId: string) {
    setError(null);
    setBusy(credentialId);
    try {
      await keepPasskeyThroughRotation({ credentialId });
    } catch (e) {
      setError(describeVaultError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <fieldset className="field" data-testid="rotation-passkeys">
      <legend>Passkeys</legend>
      <p className="hint">Touch each passkey you want to keep: it gets the new vault key. Passkeys you do not touch are removed; add them again afterwards.</p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <ul className={`plain-list ${styles.rotation}`}>
        {passkeys.map((p) => (
          <li key={p.credentialId} data-testid="rotation-passkey">
            <strong>{p.name}</strong>{" "}
            {held.has(p.credentialId) ? (
              <span className="badge">Kept</span>
            ) : (
              <>
                <span className="hint">will be removed</span>{" "}
                <button type="button" className="button secondary" onClick={() => keep(p.credentialId)} disabled={busy !== null}>
                  {busy === p.credentialId ? "Waiting for your passkey…" : `Touch “${p.name}” to keep it`}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
