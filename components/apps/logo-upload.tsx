"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { appsApi } from "@/lib/apps/apps-api";
import { MAX_LOGO_BYTES } from "@/lib/apps/logo";
import type { AppSummary } from "@/lib/apps/wire";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";
import styles from "./apps.module.css";

/** Uploads the logo's bytes to us (the server checks what they are); served from /connect/logo/{clientId}. */
export function LogoUpload({ app, onUploaded }: { app: AppSummary; onUploaded: (app: AppSummary) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState(false);
  const action = useAction();

  function upload(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (!file) return action.fail("Choose an image first.");
    if (file.size > MAX_LOGO_BYTES) return action.fail(`The logo must be at most ${MAX_LOGO_BYTES / 1024} KiB.`);
    void action.run(async () => {
      onUploaded(await appsApi.uploadLogo(app.clientId, file));
      setFile(null);
      setDone(true);
      if (input.current) input.current.value = "";
    });
  }

  return (
    <form onSubmit={upload} noValidate>
      <Notice tone="error">{action.error}</Notice>
      <Notice tone="ok">{done ? "Logo updated." : null}</Notice>
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
        <Button variant="secondary" type="submit" disabled={!file} busy={action.busy} busyLabel="Uploading…">Upload logo</Button>
        <span className="hint">PNG, JPEG, WebP or GIF, up to {MAX_LOGO_BYTES / 1024} KiB; square works best.</span>
      </div>
    </form>
  );
}
