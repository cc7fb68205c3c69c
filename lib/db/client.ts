import { Kysely } from "kysely";
import { D1Dialect } from "kysely-d1";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

const cache = new WeakMap<D1Database, Db>();

/** One kysely instance per D1 binding (the binding lives as long as the isolate). */
export function createDb(d1: D1Database): Db {
  let db = cache.get(d1);
  if (!db) {
    db = new Kysely<Database>({ dialect: new D1Dialect({ database: d1 }) });
    cache.set(d1, db);
  }
  return db;
}
