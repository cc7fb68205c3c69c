"use client";

import { useEffect } from "react";
import { loadVault } from "@/lib/vault/vault-store";
import { LockedVault } from "../vault/locked-vault";
import { UnlockNote } from "../vault/unlock-note";
import { useVault } from "../vault/use-vault";
import { ConsentForm, type ConsentProps } from "./consent-form";
import { InlineSignIn } from "./inline-sign-in";

/** The consent page's steps, without losing the request: sign in → unlock the vault → choose → approve or deny. */
export function ConsentScreen({ consent, signedInAs, returnTo: returnPath }: { consent: ConsentProps; signedInAs: string | null; returnTo?: string }) {
  const vault = useVault();
  useEffect(() => {
    if (signedInAs && vault.status === "loading") void loadVault();
  }, [signedInAs, vault.status]);
  const returnTo = returnPath ?? `/connect/authorize?request=${consent.requestId}`;
  if (!signedInAs) return <InlineSignIn returnTo={returnTo} />;
  return (
    <>
      <p className="hint">Signed in as {signedInAs}.</p>
      {vault.status === "loading" ? <p className="hint">Loading your vault…</p> : null}
      {vault.status === "error" ? <div className="alert error" role="alert">Your vault could not be loaded. Reload the page to try again.</div> : null}
      {vault.status === "absent" ? (
        <div className="alert info">
          You have no vault yet. <a href="/dashboard/vault" target="_blank" rel="noopener">Create one and add a key</a>, then reload this page.
        </div>
      ) : null}
      {vault.status === "locked" ? <LockedVault /> : null}
      <UnlockNote />
      {vault.status === "unlocked" ? <ConsentForm consent={consent} items={vault.items} /> : null}
    </>
  );
}
