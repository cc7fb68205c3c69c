"use client";

import { useState, type FormEvent } from "react";
import { addPasskey } from "@/lib/passkeys/add-passkey";
import { describeVaultError } from "../vault/use-vault";

/** Name and create a passkey: it will sign you in and unlock the vault (the vault is unlocked here). */
export function AddPasskeyForm() {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    setBusy(true);
    try {
      const added = await addPasskey({ name });
      setName("");
      setMessage(`Passkey “${added.name}” added: use it to sign in and to unlock your vault.`);
    } catch (e) {
      setError(describeVaultError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a passkey">
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {message ? <div className="alert ok" role="status">{message}</div> : null}
      <div className="field">
        <label htmlFor="passkey-name">Passkey name</label>
        <input id="passkey-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="This laptop" autoComplete="off" />
      </div>
      <button className="button" type="submit" disabled={busy || name.trim().length === 0}>
        {busy ? "Waiting for your passkey…" : "Add a passkey"}
      </button>
    </form>
  );
}
