import type { AuditDetail, AuditEvent, AuditKind } from "../audit/audit-kinds";
import { AUDIT_KINDS } from "../audit/audit-kinds";
import type { Db } from "./client";

// The audit trail: appended by the services that change security state, read by its owner.

export async function recordAudit({ db, userId, kind, detail = {}, now = Date.now() }: { db: Db; userId: string; kind: AuditKind; detail?: AuditDetail; now?: number }): Promise<void> {
  await db.insertInto("audit_events").values({ id: crypto.randomUUID(), user_id: userId, kind, detail: JSON.stringify(detail), created_at: now }).execute();
}

export async function listAudit({ db, userId, limit = 100 }: { db: Db; userId: string; limit?: number }): Promise<AuditEvent[]> {
  const rows = await db.selectFrom("audit_events").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").limit(limit).execute();
  return rows
    .filter((r) => r.kind in AUDIT_KINDS)
    .map((r) => ({ id: r.id, kind: r.kind as AuditKind, title: AUDIT_KINDS[r.kind as AuditKind], detail: JSON.parse(r.detail) as AuditDetail, at: r.created_at }));
}
