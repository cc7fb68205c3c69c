import "server-only";
import { serverKeyring } from "../connections/server-keyring";
import { wrapForServer } from "../connections/server-wrap";
import { tokenHintFromConnectionId } from "../crypto/token-hint";
import { AppError } from "../errors/app-error";
import { getAppCredentials } from "../db/app-queries";
import { getAuthorizationRequest, markApproved, markDenied } from "../db/authorization-queries";
import { policyOriginsOf } from "../connections/wire";
import { sameOrigins } from "../http/origins";
import { createDb } from "../db/client";
import { getServerEnv } from "../env/server-env";
import { providersOfModel } from "../providers/catalogue";
import type { ProviderId } from "../providers/types";
import { AUTH_CODE_TTL_MS, hashCode, newAuthorizationCode } from "./codes";
import type { ApproveBody, ConsentOutcome } from "./consent-wire";
import { buildRedirectUrl, redirectOrigin } from "./redirect-uri";
import { emptyModels, formatScope, parseScope, type ParsedScope } from "./scope";
import { requireCatalogueModels } from "../connections/catalogue-models";
import { policyScopeFromScope } from "./scope-policy";

// The consent page's answer. Approve: the browser built the connection and sealed K to the
// app's key; the server checks it grants no more than the app asked for, adds the SK layer,
// keeps the sealed value it cannot open, and issues a one-time code (≥ 128 bits, 60 s,
// stored hashed). Deny: the app hears access_denied. Either way the code or error travels in
// the redirect (or postMessage), never a secret.

const expired = () => new AppError({ code: "not_found", message: "This authorization request has expired or was already answered. Go back to the app and start again." });

/** The stored connection material until the code is exchanged (no K; CK only wrapped). */
export interface PendingConnection {
  body: Omit<ApproveBody["connection"], "ckToken">;
  ckServer: string;
  skId: string;
}

/**
 * What the server keeps of a connection the person's browser built for an app or a program: the
 * models checked against the catalogue, the grant checked against the request (never wider), the SK layer added, the display hint derived
 * from the connection id. K stays sealed; CK stays wrapped.
 */
export function prepareConnection({ connection, requested, registeredOrigins }: { connection: ApproveBody["connection"]; requested: ParsedScope; registeredOrigins: readonly string[] }): { pending: PendingConnection; granted: string } {
  requireCatalogueModels(connection.policy);
  // The policy carries exactly the origins the app registered (decision 022): never more, and
  // never fewer (a page of the app would be refused). A program of the device flow has none.
  if (!sameOrigins(policyOriginsOf(connection.policy), registeredOrigins)) {
    throw new AppError({ code: "forbidden", field: "policy", message: "The connection's web origins are not the ones this app registered (they may have just changed). Reload this page and approve again." });
  }
  const granted = grantedScope({ requested, policy: connection.policy });
  const { ckToken, keyTest, ...rest } = connection;
  if (keyTest) throw new AppError({ code: "bad_request", message: "A key test is not an app connection." });
  const sk = serverKeyring(getServerEnv()).current;
  const pending: PendingConnection = { body: { ...rest, tokenHint: tokenHintFromConnectionId(rest.id) }, ckServer: wrapForServer({ sk, connectionId: rest.id, ckToken }), skId: sk.keyId };
  return { pending, granted: formatScope(granted) };
}

export async function approveAuthorization({ userId, body, issuer, now }: { userId: string; body: ApproveBody; issuer: string; now: number }): Promise<ConsentOutcome> {
  const db = createDb(getServerEnv().DB);
  const row = await getAuthorizationRequest({ db, id: body.requestId });
  if (!row || row.status !== "pending" || row.expires_at <= now) throw expired();
  const requested = parseScope(row.scope);
  if (!requested.ok) throw expired();
  const app = await getAppCredentials({ db, clientId: row.client_id });
  if (!app) throw expired();
  const { pending, granted } = prepareConnection({ connection: body.connection, requested: requested.scope, registeredOrigins: app.origins });
  const code = newAuthorizationCode();
  const ok = await markApproved({
    db,
    id: row.id,
    userId,
    connectionId: pending.body.id,
    connectionBody: JSON.stringify(pending),
    grantedScope: granted,
    sealedSecret: body.sealedSecret,
    codeHash: hashCode(code),
    codeExpiresAt: now + AUTH_CODE_TTL_MS,
    now,
  });
  if (!ok) throw expired();
  return {
    redirectTo: buildRedirectUrl({ redirectUri: row.redirect_uri, params: { code, state: row.state, iss: issuer } }),
    targetOrigin: redirectOrigin(row.redirect_uri),
    display: row.display,
    message: { type: "1relay:authorize", code, state: row.state, iss: issuer },
  };
}

export async function denyAuthorization({ requestId, issuer, now }: { requestId: string; issuer: string; now: number }): Promise<ConsentOutcome> {
  const db = createDb(getServerEnv().DB);
  const row = await getAuthorizationRequest({ db, id: requestId });
  if (!row || !(await markDenied({ db, id: requestId, now }))) throw expired();
  return {
    redirectTo: buildRedirectUrl({ redirectUri: row.redirect_uri, params: { error: "access_denied", state: row.state, iss: issuer } }),
    targetOrigin: redirectOrigin(row.redirect_uri),
    display: row.display,
    message: { type: "1relay:authorize", error: "access_denied", state: row.state, iss: issuer },
  };
}

/**
 * Which granted providers a model of the policy's one list belongs to: those the app named it
 * for, else those whose catalogue prices it ("openai/gpt-oss-120b" is served by several), else
 * the one its name routes to.
 */
function modelOwners({ model, requested, granted }: { model: string; requested: ParsedScope; granted: ProviderId[] }): ProviderId[] {
  const named = granted.filter((provider) => (requested.models[provider] ?? []).includes(model));
  return named.length > 0 ? named : providersOfModel({ model, providers: granted });
}

/** The scope the person granted: never wider than the app asked for. */
function grantedScope({ requested, policy }: { requested: ParsedScope; policy: ApproveBody["connection"]["policy"] }): ParsedScope {
  const wanted = policyScopeFromScope(requested);
  if (!wanted.ok) throw new AppError({ code: "bad_request", message: wanted.message });
  const refuse = (message: string) => new AppError({ code: "forbidden", field: "policy", message });
  for (const provider of policy.providers) if (!wanted.providers.includes(provider)) throw refuse(`The app did not ask for ${provider}.`);
  if (wanted.models.length > 0) {
    if (policy.models.length === 0) throw refuse("The app asked for named models only; choose among them.");
    for (const model of policy.models) if (!wanted.models.includes(model)) throw refuse(`The app did not ask for the model ${model}.`);
  }
  const models = emptyModels();
  for (const model of policy.models) {
    const owners = modelOwners({ model, requested, granted: policy.providers });
    if (owners.length === 0) throw refuse(`The model ${model} is not served by a granted provider.`);
    for (const provider of owners) models[provider].push(model);
  }
  // A provider the person granted must keep at least one model when the list is restricted.
  if (policy.models.length > 0) for (const provider of policy.providers) if (models[provider].length === 0) throw refuse(`Choose at least one ${provider} model, or none at all.`);
  return { providers: [...policy.providers], models };
}
