"use client";

import Link from "next/link";
import { useVault } from "../vault/use-vault";
import { AddPasskeyForm } from "./add-passkey-form";
import { PasskeyRow } from "./passkey-row";
import { usePasskeys, usePasskeysSupported } from "./use-passkeys";

/** Settings → Passkeys: list, add (vault unlocked) and remove the passkeys that sign in and unlock. */
export function PasskeysSection() {
  const vault = useVault();
  const supported = usePasskeysSupported();
  const { status, passkeys } = usePasskeys();
  if (vault.status === "absent") return null;

  return (
    <section className="card settings-section" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p className="hint">
        A passkey signs you in without an emailed code and unlocks your vault with a touch. It opens your vault key here in your browser, through its own key
        that the server never sees. Your master password stays the only way to recover the vault: keep it. <Link href="/security#passkeys">What a passkey changes</Link>
      </p>
      {status === "error" ? <div className="alert error" role="alert">Your passkeys could not be loaded. Reload the page to try again.</div> : null}
      {/* One line in each state, so the page below does not jump when the list arrives. */}
      {status === "idle" || status === "loading" ? <p className="hint">Loading your passkeys…</p> : null}
      {status === "ready" && passkeys.length === 0 ? <p className="hint">No passkeys yet.</p> : null}
      {passkeys.length > 0 ? (
        <ul className="key-list" data-testid="passkeys">
          {passkeys.map((p) => (
            <PasskeyRow key={p.credentialId} passkey={p} />
          ))}
        </ul>
      ) : null}
      {!supported ? <p className="hint">This browser cannot use passkeys.</p> : null}
      {supported && vault.status === "unlocked" ? <AddPasskeyForm /> : null}
      {supported && vault.status === "locked" ? <p className="hint">Unlock your vault to add a passkey: it wraps your vault key for the passkey.</p> : null}
    </section>
  );
}
