import "server-only";
import { createDb } from "../db/client";
import { recordAudit } from "../db/audit-queries";
import { getServerEnv } from "../env/server-env";
import { logError } from "../errors/log-error";
import type { AuditDetail, AuditKind } from "./audit-kinds";

/** Appends a security event for the person; a failure is logged, never fails what they did. */
export async function audit(userId: string, kind: AuditKind, detail: AuditDetail = {}): Promise<void> {
  try {
    await recordAudit({ db: createDb(getServerEnv().DB), userId, kind, detail });
  } catch (error) {
    logError({ where: `audit ${kind}`, error });
  }
}
