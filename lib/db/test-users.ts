import type { Db } from "./client";

/** Test-only: a user row to own what a D1 test writes (the tables reference users). */
export async function insertTestUser({ db, label }: { db: Db; label: string }): Promise<string> {
  const id = `${label}-${crypto.randomUUID()}`;
  await db.insertInto("users").values({ id, email: `${id}@example.com`, email_verified: null, name: null, image: null, created_at: 1 }).execute();
  return id;
}
