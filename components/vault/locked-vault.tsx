"use client";

import { PasskeyUnlockButton } from "../passkeys/passkey-unlock-button";
import { UnlockForm } from "./unlock-form";
import { useVault } from "./use-vault";

/**
 * The locked vault: for a moment after the page loads, the open tabs of this sign-in are asked
 * for the key (lib/vault/vault-share.ts); then a passkey (when this account has one) and the
 * password form.
 */
export function LockedVault() {
  const { askingTabs } = useVault();
  return (
    <>
      {askingTabs ? (
        <p className="hint" role="status" data-testid="asking-tabs">
          Checking your other open tabs for an unlocked vault…
        </p>
      ) : null}
      <PasskeyUnlockButton />
      <UnlockForm />
    </>
  );
}
