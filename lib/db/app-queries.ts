import { sql } from "kysely";
import type { Db } from "./client";
import { AppError } from "../errors/app-error";
import { decodeBase64 } from "../apps/base64";
import { LOGO_TYPES, type LogoType } from "../apps/logo";
import type { AppSummary, RegisterAppBody, UpdateAppBody } from "../apps/wire";

// Registered apps (OAuth clients). Every owner-facing query has `owner_id = ?`, so another
// developer's app answers exactly like one that does not exist. Three unscoped reads serve
// the consent flow and the token endpoint: the public face of an app, its credentials
// (redirect URIs and the secret's hash, never the secret), and its logo.

const notFound = () => new AppError({ code: "not_found", message: "No such app." });

const summaryColumns = [
  "client_id",
  "name",
  "homepage",
  "description",
  "redirect_uris",
  "origins",
  "logo_type",
  "logo_version",
  "secret_hash",
  "secret_hint",
  "created_at",
  "verified_at",
] as const;

interface SummaryRow {
  client_id: string;
  name: string;
  homepage: string;
  description: string;
  redirect_uris: string;
  origins: string;
  logo_type: string | null;
  logo_version: number;
  secret_hash: string | null;
  secret_hint: string | null;
  created_at: number;
  verified_at: number | null;
}

/** A stored JSON array of strings (redirect URIs, origins); anything else reads as none (nothing then matches). */
function parseStringList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : [];
  } catch {
    return [];
  }
}

function toSummary(row: SummaryRow): AppSummary {
  return {
    clientId: row.client_id,
    name: row.name,
    homepage: row.homepage,
    description: row.description,
    redirectUris: parseStringList(row.redirect_uris),
    origins: parseStringList(row.origins),
    logoVersion: row.logo_version,
    hasLogo: row.logo_type !== null,
    confidential: row.secret_hash !== null,
    secretHint: row.secret_hint,
    createdAt: row.created_at,
    verifiedAt: row.verified_at,
  };
}

const isLogoType = (value: string | null): value is LogoType => LOGO_TYPES.includes(value as LogoType);

export async function insertApp({ db, ownerId, clientId, body, now }: { db: Db; ownerId: string; clientId: string; body: RegisterAppBody; now: number }): Promise<AppSummary> {
  const row = {
    client_id: clientId,
    owner_id: ownerId,
    name: body.name,
    homepage: body.homepage,
    description: body.description,
    redirect_uris: JSON.stringify(body.redirectUris),
    origins: JSON.stringify(body.origins ?? []),
    logo_type: null,
    logo_data: null,
    logo_version: 0,
    secret_hash: null,
    secret_hint: null,
    secret_created_at: null,
    created_at: now,
    updated_at: now,
    verified_at: null,
  };
  await db.insertInto("apps").values(row).execute();
  return toSummary(row);
}

export async function countApps({ db, ownerId }: { db: Db; ownerId: string }): Promise<number> {
  const row = await db.selectFrom("apps").select((eb) => eb.fn.countAll<number>().as("n")).where("owner_id", "=", ownerId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The owner's apps, newest first. */
export async function listApps({ db, ownerId }: { db: Db; ownerId: string }): Promise<AppSummary[]> {
  const rows = await db.selectFrom("apps").select(summaryColumns).where("owner_id", "=", ownerId).orderBy("created_at", "desc").orderBy("client_id").execute();
  return rows.map(toSummary);
}

export async function updateApp({ db, ownerId, clientId, body, now }: { db: Db; ownerId: string; clientId: string; body: UpdateAppBody; now: number }): Promise<AppSummary> {
  const row = await db
    .updateTable("apps")
    .set({
      name: body.name,
      homepage: body.homepage,
      description: body.description,
      redirect_uris: JSON.stringify(body.redirectUris),
      origins: JSON.stringify(body.origins ?? []),
      updated_at: now,
      // The operator verified what people were shown: a new name, homepage, redirect URI or origin needs verifying again.
      verified_at: sql<number | null>`CASE WHEN name = ${body.name} AND homepage = ${body.homepage} AND redirect_uris = ${JSON.stringify(body.redirectUris)} AND origins = ${JSON.stringify(body.origins ?? [])} THEN verified_at ELSE NULL END`,
    })
    .where("client_id", "=", clientId)
    .where("owner_id", "=", ownerId)
    .returning(summaryColumns)
    .executeTakeFirst();
  if (!row) throw notFound();
  return toSummary(row);
}

/** Deletes the app and its pending authorization requests (cascade); connections made through it stay. */
export async function deleteApp({ db, ownerId, clientId }: { db: Db; ownerId: string; clientId: string }): Promise<void> {
  const result = await db.deleteFrom("apps").where("client_id", "=", clientId).where("owner_id", "=", ownerId).executeTakeFirst();
  // D1 counts the rows a foreign key cascade deleted too (its authorization requests): at least one means the app went.
  if (Number(result.numDeletedRows) < 1) throw notFound();
}

/** Stores a new client secret's hash (replacing any earlier one: rotation). */
export async function setClientSecret({ db, ownerId, clientId, hash, hint, now }: { db: Db; ownerId: string; clientId: string; hash: string; hint: string; now: number }): Promise<AppSummary> {
  const row = await db
    .updateTable("apps")
    .set({ secret_hash: hash, secret_hint: hint, secret_created_at: now, updated_at: now })
    .where("client_id", "=", clientId)
    .where("owner_id", "=", ownerId)
    .returning(summaryColumns)
    .executeTakeFirst();
  if (!row) throw notFound();
  return toSummary(row);
}

/** Removes the client secret: the app becomes a public client. */
export async function clearClientSecret({ db, ownerId, clientId, now }: { db: Db; ownerId: string; clientId: string; now: number }): Promise<AppSummary> {
  const row = await db
    .updateTable("apps")
    .set({ secret_hash: null, secret_hint: null, secret_created_at: null, updated_at: now })
    .where("client_id", "=", clientId)
    .where("owner_id", "=", ownerId)
    .returning(summaryColumns)
    .executeTakeFirst();
  if (!row) throw notFound();
  return toSummary(row);
}

/** Stores a checked logo (base64) and bumps logo_version, so `?v=` URLs change. */
export async function setLogo({ db, ownerId, clientId, type, base64, now }: { db: Db; ownerId: string; clientId: string; type: LogoType; base64: string; now: number }): Promise<AppSummary> {
  const row = await db
    .updateTable("apps")
    .set((eb) => ({ logo_type: type, logo_data: base64, logo_version: eb("logo_version", "+", 1), updated_at: now }))
    .where("client_id", "=", clientId)
    .where("owner_id", "=", ownerId)
    .returning(summaryColumns)
    .executeTakeFirst();
  if (!row) throw notFound();
  return toSummary(row);
}

export interface PublicApp {
  clientId: string;
  name: string;
  homepage: string;
  description: string;
  redirectUris: string[];
  /** The web origins its pages run on (decision 022): shown on the consent page, signed into the policy. */
  origins: string[];
  logoVersion: number;
  hasLogo: boolean;
  confidential: boolean;
  /** When this deployment's operator verified who runs it (null: unverified). */
  verifiedAt: number | null;
}

/** What the consent page may show of any app (unscoped: public by design). */
export async function getPublicApp({ db, clientId }: { db: Db; clientId: string }): Promise<PublicApp | null> {
  const row = await db.selectFrom("apps").select(summaryColumns).where("client_id", "=", clientId).executeTakeFirst();
  if (!row) return null;
  const { secretHint: _hint, createdAt: _created, ...app } = toSummary(row);
  return app;
}

/** What the token and revocation endpoints check a client against (unscoped). */
export async function getAppCredentials({ db, clientId }: { db: Db; clientId: string }): Promise<{ clientId: string; redirectUris: string[]; origins: string[]; secretHash: string | null } | null> {
  const row = await db.selectFrom("apps").select(["client_id", "redirect_uris", "origins", "secret_hash"]).where("client_id", "=", clientId).executeTakeFirst();
  if (!row) return null;
  return { clientId: row.client_id, redirectUris: parseStringList(row.redirect_uris), origins: parseStringList(row.origins), secretHash: row.secret_hash };
}

/** The stored logo, for serving from our origin (unscoped); null when none or unreadable. */
export async function getAppLogo({ db, clientId }: { db: Db; clientId: string }): Promise<{ type: LogoType; bytes: Uint8Array<ArrayBuffer> } | null> {
  const row = await db.selectFrom("apps").select(["logo_type", "logo_data"]).where("client_id", "=", clientId).executeTakeFirst();
  if (!row || !isLogoType(row.logo_type) || row.logo_data === null) return null;
  try {
    return { type: row.logo_type, bytes: decodeBase64(row.logo_data) };
  } catch {
    return null;
  }
}

/** Logo facts for the apps behind a person's connections (a deleted app has none). */
export async function listAppLogos({ db, clientIds }: { db: Db; clientIds: string[] }): Promise<Map<string, { hasLogo: boolean; logoVersion: number }>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("apps")
    .select(["client_id", "logo_version"])
    .select((eb) => eb("logo_data", "is not", null).as("has_logo"))
    .where("client_id", "in", clientIds)
    .execute();
  return new Map(rows.map((r) => [r.client_id, { hasLogo: Boolean(r.has_logo), logoVersion: Number(r.logo_version) }]));
}
