import "server-only";
import { accountObject } from "../account/account-object";
import { audit } from "../audit/record-audit";
import { emailTransportFor } from "../auth/auth";
import { syncNewConnection } from "../connections/object-sync";
import type { Db } from "../db/client";
import { insertTokenConnection } from "../db/connection-queries";
import { revokeConnection } from "../db/connection-revocation";
import { buildAppConnectedEmail } from "../email/app-connected-email";
import { sendEmail } from "../email/send-email";
import { getServerEnv } from "../env/server-env";
import { isAppError } from "../errors/app-error";
import { logError } from "../errors/log-error";
import type { PendingConnection } from "./consent-service";
import { oauthError } from "./oauth-error";

// The last step of both grants, once the code (an app's) or the device code (a program's) is
// burnt: the connection the person's browser built is stored through the one creation path
// (D1, then the account object reads it: decision 014), the person is told, and the program
// gets `{token_type, connection_id, sealed_secret, scope, limits}`; the sealed K is deleted then.

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json", "cache-control": "no-store", pragma: "no-cache" } });

/** A replayed code, or a connection revoked in a race: the object first (final there), then D1. */
export async function revokeForAccount({ userId, connectionId }: { userId: string; connectionId: string }): Promise<void> {
  await accountObject(userId).setConnectionStatus({ accountId: userId, connectionIds: [connectionId], status: "revoked" });
  await revokeConnection({ d1: getServerEnv().DB, userId, connectionId, now: Date.now() }).catch(() => {});
}

/** The audit event and the email to the person: a new app or program holds a relay token. */
async function announceConnection({ db, userId, appName, scope, budgetUsd, rpm }: { db: Db; userId: string; appName: string; scope: string; budgetUsd: number | null; rpm: number | null }): Promise<void> {
  await audit(userId, "app_connected", { name: appName, scope });
  try {
    const user = await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirst();
    if (user) await sendEmail({ transport: emailTransportFor(getServerEnv()), message: buildAppConnectedEmail({ to: user.email, appName, scope, budgetUsd, rpm, manageUrl: new URL("/dashboard/connections", getServerEnv().PUBLIC_URL).href }) });
  } catch (error) {
    logError({ where: "app connected email", error });
  }
}

export async function issueConnection({
  db,
  userId,
  pending,
  clientId,
  name,
  grantedScope,
  sealedSecret,
  now,
  display,
  clearMaterial,
}: {
  db: Db;
  userId: string;
  pending: PendingConnection;
  clientId: string;
  /** The connection's name: the app's, or the program's. */
  name: string;
  grantedScope: string;
  sealedSecret: string;
  now: number;
  /** Where the person approved it (the connection's "made via"): the consent page, its popup, or the device page. */
  display: "page" | "popup" | "device";
  /** Deletes the sealed K and the wrapped material from the request's row. */
  clearMaterial: () => Promise<void>;
}): Promise<Response> {
  try {
    await insertTokenConnection({ d1: getServerEnv().DB, userId, body: { ...pending.body, ckToken: "", name: name.slice(0, 80) }, ckServer: pending.ckServer, skId: pending.skId, now, app: { clientId, display } });
  } catch (error) {
    await clearMaterial();
    if (isAppError(error)) return oauthError(400, "invalid_grant", `The connection could not be made: ${error.message}`);
    throw error;
  }
  await syncNewConnection({ userId, connectionId: pending.body.id });
  const policy = pending.body.policy;
  await announceConnection({ db, userId, appName: name, scope: grantedScope, budgetUsd: policy.budgetUsd, rpm: policy.rpm });
  const response = json({
    token_type: "relay",
    connection_id: pending.body.id,
    sealed_secret: sealedSecret,
    scope: grantedScope,
    limits: { budget_usd: policy.budgetUsd, rpm: policy.rpm, models: policy.models, expires_at: policy.expiresAt },
  });
  await clearMaterial();
  return response;
}

/** The JSON answer of an OAuth endpoint (no-store). */
export const oauthJson = json;
