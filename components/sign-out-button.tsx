"use client";

import { signOutAction } from "@/app/(dashboard)/dashboard/actions";
import { lockVault } from "@/lib/vault/vault-store";

/** Signing out locks the vault here and in every other tab first. */
export function SignOutButton() {
  return (
    <form action={signOutAction} onSubmit={() => lockVault()}>
      <button className="button secondary" type="submit">
        Sign out
      </button>
    </form>
  );
}
