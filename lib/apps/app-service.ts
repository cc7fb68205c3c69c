import "server-only";
import { hashClientSecret, newClientId, newClientSecret } from "../connect/codes";
import { createDb } from "../db/client";
import * as queries from "../db/app-queries";
import { getServerEnv } from "../env/server-env";
import { AppError } from "../errors/app-error";
import { encodeBase64 } from "./base64";
import { checkLogo } from "./logo";
import type { AppSummary, RegisterAppBody, UpdateAppBody } from "./wire";

// Server side of the developer's apps, always for the signed-in user's id. A client
// secret is returned once, when it is made; only its hash and last four characters stay.

const db = () => createDb(getServerEnv().DB);
export const MAX_APPS_PER_ACCOUNT = 25;

export async function listAppsFor({ userId }: { userId: string }): Promise<{ apps: AppSummary[] }> {
  return { apps: await queries.listApps({ db: db(), ownerId: userId }) };
}

export async function registerAppFor({ userId, body }: { userId: string; body: RegisterAppBody }): Promise<AppSummary> {
  if ((await queries.countApps({ db: db(), ownerId: userId })) >= MAX_APPS_PER_ACCOUNT) {
    throw new AppError({ code: "conflict", message: `An account can register at most ${MAX_APPS_PER_ACCOUNT} apps. Delete one you no longer use.` });
  }
  return queries.insertApp({ db: db(), ownerId: userId, clientId: newClientId(), body, now: Date.now() });
}

export function updateAppFor({ userId, clientId, body }: { userId: string; clientId: string; body: UpdateAppBody }): Promise<AppSummary> {
  return queries.updateApp({ db: db(), ownerId: userId, clientId, body, now: Date.now() });
}

export function deleteAppFor({ userId, clientId }: { userId: string; clientId: string }): Promise<void> {
  return queries.deleteApp({ db: db(), ownerId: userId, clientId });
}

/** Creates the app's client secret, or rotates it (the old one stops working at once). */
export async function createClientSecretFor({ userId, clientId }: { userId: string; clientId: string }): Promise<{ clientSecret: string; app: AppSummary }> {
  const clientSecret = newClientSecret();
  const app = await queries.setClientSecret({ db: db(), ownerId: userId, clientId, hash: hashClientSecret(clientSecret), hint: clientSecret.slice(-4), now: Date.now() });
  return { clientSecret, app };
}

export function removeClientSecretFor({ userId, clientId }: { userId: string; clientId: string }): Promise<AppSummary> {
  return queries.clearClientSecret({ db: db(), ownerId: userId, clientId, now: Date.now() });
}

/** Stores an uploaded logo once its own bytes say it is a PNG, JPEG, WebP or GIF. */
export function setLogoFor({ userId, clientId, bytes }: { userId: string; clientId: string; bytes: Uint8Array }): Promise<AppSummary> {
  const checked = checkLogo(bytes);
  if ("error" in checked) throw new AppError({ code: "bad_request", field: "logo", message: checked.error });
  return queries.setLogo({ db: db(), ownerId: userId, clientId, type: checked.type, base64: encodeBase64(bytes), now: Date.now() });
}
