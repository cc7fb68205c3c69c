import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

// Direct access to the local D1 database file of the e2e server (real SQLite under
// .wrangler/e2e-state), for tests that must move time or inspect stored rows.

const stateDir = path.resolve(process.env.E2E_STATE ?? ".wrangler/e2e-state");

function findSqliteFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findSqliteFiles(full));
    else if (entry.name.endsWith(".sqlite")) out.push(full);
  }
  return out;
}

/** Opens the local D1 database (the one SQLite file under the state's d1 folder). */
export function openLocalD1(): DatabaseSync {
  const d1Dir = path.join(stateDir, "v3", "d1");
  const files = findSqliteFiles(d1Dir).filter((f) => statSync(f).size > 0 && !f.includes("metadata"));
  if (files.length !== 1) throw new Error(`expected one D1 sqlite file under ${d1Dir}, found ${files.length}`);
  const db = new DatabaseSync(files[0]!);
  // The worker writes to the same file (usage batches land every second or so): wait for its locks.
  db.exec("PRAGMA busy_timeout = 10000");
  return db;
}

/** Every file the local state holds (D1 and Durable Object SQLite files, WAL included). */
export function allLocalStateFiles(dir = stateDir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...allLocalStateFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * Usage records reach D1 in batches from the account's Durable Object (about a second after
 * their request ends): polls a query until `ready` accepts its rows.
 */
export async function waitForRows<T>(query: string, params: (string | number)[], ready: (rows: T[]) => boolean, timeoutMs = 15_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const db = openLocalD1();
    let rows: T[];
    try {
      rows = db.prepare(query).all(...params) as T[];
    } finally {
      db.close();
    }
    if (ready(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`timed out waiting for rows: ${query} → ${JSON.stringify(rows).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
