"use client";

import { useId, useState, type FormEvent } from "react";
import { MAX_REDIRECT_URIS, registerAppSchema, type RegisterAppBody } from "@/lib/apps/wire";
import { describeError } from "./describe-error";
import styles from "./apps.module.css";

/** One redirect URI a line; blank lines and surrounding spaces do not count. */
const linesOf = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** The app's public details, checked here with the server's own schema before sending. */
export function AppForm({
  label,
  title,
  initial,
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  title?: string;
  initial?: RegisterAppBody;
  submitLabel: string;
  busyLabel: string;
  /** Resolves when saved; a fresh form (no `initial`) is then cleared. */
  onSubmit: (body: RegisterAppBody) => Promise<void>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? "");
  const [homepage, setHomepage] = useState(initial?.homepage ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [uris, setUris] = useState(initial?.redirectUris.join("\n") ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = registerAppSchema.safeParse({ name, homepage, description, redirectUris: linesOf(uris) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the form.");
    setBusy(true);
    try {
      await onSubmit(parsed.data);
      if (!initial) {
        setName("");
        setHomepage("");
        setDescription("");
        setUris("");
      }
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={label}>
      {title ? <h2>{title}</h2> : null}
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>App name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="Acme Notes" />
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-homepage`}>Homepage</label>
          <input id={`${id}-homepage`} type="url" value={homepage} onChange={(e) => setHomepage(e.target.value)} maxLength={500} placeholder="https://app.example.com" />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={300} aria-describedby={`${id}-description-hint`} />
        <span className="hint" id={`${id}-description-hint`}>One short sentence, shown to people on the consent page.</span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-uris`}>Redirect URIs</label>
        <textarea
          id={`${id}-uris`}
          className={styles.textarea}
          value={uris}
          onChange={(e) => setUris(e.target.value)}
          rows={3}
          spellCheck={false}
          placeholder="https://app.example.com/callback"
          aria-describedby={`${id}-uris-hint`}
        />
        <span className="hint" id={`${id}-uris-hint`}>
          One a line, up to {MAX_REDIRECT_URIS}, matched exactly. https only; http only on loopback (http://127.0.0.1/callback, any port).
        </span>
      </div>
      <div className="key-actions">
        <button className="button" type="submit" disabled={busy}>{busy ? busyLabel : submitLabel}</button>
        {onCancel ? <button className="button secondary" type="button" onClick={onCancel}>Cancel</button> : null}
      </div>
    </form>
  );
}
