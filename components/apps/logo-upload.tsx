"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { appsApi } from "@/lib/apps/apps-api";
import { MAX_LOGO_BYTES } from "@/lib/apps/logo";
import type { AppSummary } from "@/lib/apps/wire";
import { describeError } from "./describe-error";
import styles from "./apps.module.css";

/** Uploads the logo's bytes to us (the server checks what they are); served from /connect/logo/{clientId}. */
export function LogoUpload({ app, onUploaded }: { app: AppSummary; onUploaded: (app: AppSummary) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function upload(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(false);
    if (!file) return setError("Choose an image first.");
    if (file.size > MAX_LOGO_BYTES) return setError(`The logo must be at most ${MAX_LOGO_BYTES / 1024} KiB.`);
    setBusy(true);
    try {
      onUploaded(await appsApi.uploadLogo(app.clientId, file));
      setFile(null);
      setDone(true);
      if (input.current) input.current.value = "";
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={upload} noValidate>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {done ? <div className="alert ok" role="status">Logo updated.</div> : null}
      <div className="key-actions">
        <label htmlFor={`${id}-logo`}>Logo</label>
        <input
          ref={input}
          id={`${id}-logo`}
          className={styles.file}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button className="button secondary" type="submit" disabled={busy || !file}>{busy ? "Uploading…" : "Upload logo"}</button>
        <span className="hint">PNG, JPEG, WebP or GIF, up to {MAX_LOGO_BYTES / 1024} KiB; square works best.</span>
      </div>
    </form>
  );
}
