"use client";

import { useId, useState, type FormEvent } from "react";
import { MAX_ORIGINS } from "@/lib/http/origins";
import { MAX_REDIRECT_URIS, registerAppSchema, type RegisterAppBody } from "@/lib/apps/wire";
import { describeFieldIssue } from "@/lib/errors/field-sentences";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";
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
  const [origins, setOrigins] = useState(initial?.origins?.join("\n") ?? "");
  const action = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = registerAppSchema.safeParse({ name, homepage, description, redirectUris: linesOf(uris), origins: linesOf(origins) });
    if (!parsed.success) return action.fail(describeFieldIssue(parsed.error.issues[0]).message);
    void action.run(async () => {
      await onSubmit(parsed.data);
      if (!initial) {
        setName("");
        setHomepage("");
        setDescription("");
        setUris("");
        setOrigins("");
      }
    });
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={label}>
      {title ? <h2>{title}</h2> : null}
      <Notice tone="error">{action.error}</Notice>
      <div className="row">
        <Field className="grow" id={`${id}-name`} label="App name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="Acme Notes" />
        <Field className="grow" id={`${id}-homepage`} label="Homepage" type="url" value={homepage} onChange={(e) => setHomepage(e.target.value)} maxLength={500} placeholder="https://app.example.com" />
      </div>
      <Field id={`${id}-description`} label="Description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={300} hint="One short sentence, shown to people on the consent page." />
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
      <div className="field">
        <label htmlFor={`${id}-origins`}>Web origins (browser apps)</label>
        <textarea
          id={`${id}-origins`}
          className={styles.textarea}
          value={origins}
          onChange={(e) => setOrigins(e.target.value)}
          rows={2}
          spellCheck={false}
          placeholder="https://app.example.com"
          aria-describedby={`${id}-origins-hint`}
        />
        <span className="hint" id={`${id}-origins-hint`}>
          Where the app&apos;s pages run, if they call 1Relay from the browser: one a line, up to {MAX_ORIGINS}, scheme and host only (https; http only on localhost, 127.0.0.1 or [::1], port included). Shown on the consent page and signed into each connection; a page on any other origin is refused.
        </span>
      </div>
      <div className="key-actions">
        <Button type="submit" busy={action.busy} busyLabel={busyLabel}>{submitLabel}</Button>
        {onCancel ? <Button variant="secondary" onClick={onCancel}>Cancel</Button> : null}
      </div>
    </form>
  );
}
