import { usdToMicroUsd } from "../money/money";
import { SIGNED_ACTIONS, signedParams } from "../vault/signed-actions";
import { signVaultAction } from "../vault/vault-store";
import { connectionsApi } from "./connections-api";

// The dashboard's loosening controls (browser side): they carry the vault signing key's proof,
// made invisibly while the vault is unlocked; locked, they ask the person to unlock it.

/** Resumes a paused connection (loosening: signed). */
export async function resumeConnection({ connectionId }: { connectionId: string }): Promise<void> {
  await connectionsApi.resume(connectionId, await signVaultAction({ action: SIGNED_ACTIONS.resumeConnection, params: signedParams({ body: {}, ids: { connectionId } }) }));
}

/** True when the new account cap is looser than the current one (removed, or raised). */
export function loosensAccountCap({ monthlyCapUsd, currentMicroUsd }: { monthlyCapUsd: number | null; currentMicroUsd: number | null }): boolean {
  if (monthlyCapUsd === null) return currentMicroUsd !== null;
  return currentMicroUsd !== null && usdToMicroUsd(monthlyCapUsd) > currentMicroUsd;
}

/** Sets the account-wide cap: raising or removing it is signed; setting or lowering it needs no vault. */
export async function setAccountCap({ monthlyCapUsd, currentMicroUsd }: { monthlyCapUsd: number | null; currentMicroUsd: number | null }): Promise<void> {
  if (!loosensAccountCap({ monthlyCapUsd, currentMicroUsd })) {
    await connectionsApi.setAccountCap(monthlyCapUsd);
    return;
  }
  await connectionsApi.setAccountCap(monthlyCapUsd, await signVaultAction({ action: SIGNED_ACTIONS.setAccountCap, params: signedParams({ body: { monthlyCapUsd } }) }));
}
