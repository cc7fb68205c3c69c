import type { Db } from "./client";
import { deleteStaleAuthorizationRequests } from "./authorization-queries";
import { deleteStaleDeviceAuthorizations } from "./device-queries";

// The scheduled purge (workers/worker.ts, every minute): what has outlived its use is deleted,
// above all an approved authorization's sealed K (an app's or a device's) once it can no longer be fetched.

const DAY_MS = 24 * 3600_000;

export async function purgeStaleRecords({ db, now }: { db: Db; now: number }): Promise<{ authorizationRequests: number; deviceAuthorizations: number }> {
  const authorizationRequests = await deleteStaleAuthorizationRequests({ db, now });
  const deviceAuthorizations = await deleteStaleDeviceAuthorizations({ db, now });
  await db.deleteFrom("vault_nonces").where("expires_at", "<=", now).execute();
  await db.deleteFrom("webauthn_challenges").where("expires_at", "<=", now).execute();
  await db.deleteFrom("email_confirmations").where("expires_at", "<=", now).execute();
  // Every fixed window is at most 15 minutes long: a day-old one counts nothing any more.
  await db.deleteFrom("rate_limits").where("window_start", "<", now - DAY_MS).execute();
  return { authorizationRequests, deviceAuthorizations };
}
