import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import type { Db } from "../db/client";
import type { UsersTable } from "../db/schema";
import { sha256Hex } from "./hash";
import { consumeVerificationToken, replaceVerificationToken } from "./verification-tokens";

// Auth.js adapter over kysely + D1, for email sign-in with database sessions.
// Session cookies are random; only their SHA-256 is stored.

function toAdapterUser(row: UsersTable): AdapterUser {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.email_verified === null ? null : new Date(row.email_verified),
    name: row.name,
    image: row.image,
  };
}

/** Where a sign-in comes from, kept with its session (Settings → Signed-in sessions). */
export interface SignInClient {
  userAgent: string | null;
  ip: string | null;
  /** "City, CC", when Cloudflare knows it. */
  place: string | null;
}

export function createAuthAdapter(db: Db, client: SignInClient | null = null): Adapter {
  const getUser = async (id: string) => {
    const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toAdapterUser(row) : null;
  };

  return {
    async createUser(user) {
      const row: UsersTable = {
        id: crypto.randomUUID(),
        email: user.email.toLowerCase(),
        email_verified: user.emailVerified ? user.emailVerified.getTime() : null,
        name: user.name ?? null,
        image: user.image ?? null,
        created_at: Date.now(),
      };
      await db.insertInto("users").values(row).execute();
      return toAdapterUser(row);
    },
    getUser,
    async getUserByEmail(email) {
      const row = await db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
      return row ? toAdapterUser(row) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const row = await db
        .selectFrom("accounts")
        .innerJoin("users", "users.id", "accounts.user_id")
        .selectAll("users")
        .where("accounts.provider", "=", provider)
        .where("accounts.provider_account_id", "=", providerAccountId)
        .executeTakeFirst();
      return row ? toAdapterUser(row) : null;
    },
    async updateUser(user) {
      await db
        .updateTable("users")
        .set({
          ...(user.name !== undefined ? { name: user.name } : {}),
          ...(user.image !== undefined ? { image: user.image } : {}),
          ...(user.emailVerified !== undefined
            ? { email_verified: user.emailVerified ? user.emailVerified.getTime() : null }
            : {}),
        })
        .where("id", "=", user.id)
        .execute();
      const updated = await getUser(user.id);
      if (!updated) throw new Error("updateUser: no such user");
      return updated;
    },
    async linkAccount(account) {
      await db
        .insertInto("accounts")
        .values({
          user_id: account.userId,
          type: account.type,
          provider: account.provider,
          provider_account_id: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        })
        .execute();
    },
    async createSession({ sessionToken, userId, expires }) {
      await db
        .insertInto("sessions")
        .values({
          token_hash: sha256Hex(sessionToken),
          user_id: userId,
          expires: expires.getTime(),
          created_at: Date.now(),
          user_agent: client?.userAgent?.slice(0, 256) ?? null,
          created_ip: client?.ip?.slice(0, 64) ?? null,
          created_place: client?.place?.slice(0, 120) ?? null,
        })
        .execute();
      return { sessionToken, userId, expires };
    },
    async getSessionAndUser(sessionToken) {
      const row = await db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.user_id")
        .selectAll("users")
        .select(["sessions.expires as session_expires", "sessions.user_id as session_user_id"])
        .where("sessions.token_hash", "=", sha256Hex(sessionToken))
        .executeTakeFirst();
      if (!row) return null;
      const session: AdapterSession = { sessionToken, userId: row.session_user_id, expires: new Date(row.session_expires) };
      return { session, user: toAdapterUser(row) };
    },
    async updateSession({ sessionToken, expires }) {
      if (!expires) return null;
      const row = await db
        .updateTable("sessions")
        .set({ expires: expires.getTime() })
        .where("token_hash", "=", sha256Hex(sessionToken))
        .returning(["user_id"])
        .executeTakeFirst();
      return row ? { sessionToken, userId: row.user_id, expires } : null;
    },
    async deleteSession(sessionToken) {
      await db.deleteFrom("sessions").where("token_hash", "=", sha256Hex(sessionToken)).execute();
    },
    async createVerificationToken(token) {
      await replaceVerificationToken({
        db,
        identifier: token.identifier,
        tokenHash: token.token,
        expires: token.expires.getTime(),
      });
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      if (typeof identifier !== "string" || identifier === "") return null;
      const used = await consumeVerificationToken({ db, identifier, tokenHash: token });
      return used ? { identifier: used.identifier, token, expires: new Date(used.expires) } : null;
    },
  };
}
