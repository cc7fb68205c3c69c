import type { Compilable } from "kysely";

// D1 runs a batch as one transaction: every statement applies, or none does (kysely-d1 has no
// transactions). Multi-row writes the security model calls atomic go through here.

/** D1 allows 100 bound parameters per statement. */
export const D1_MAX_PARAMETERS = 100;

/** A kysely query as a D1 prepared statement. */
export function toStatement(d1: D1Database, query: Compilable): D1PreparedStatement {
  const compiled = query.compile();
  return d1.prepare(compiled.sql).bind(...(compiled.parameters as unknown[]));
}

/** Runs the statements in one D1 batch (one transaction); the results come back in order. */
export async function runBatch({ d1, statements }: { d1: D1Database; statements: (Compilable | D1PreparedStatement)[] }): Promise<D1Result[]> {
  if (statements.length === 0) return [];
  return d1.batch(statements.map((s) => ("compile" in s ? toStatement(d1, s) : s)));
}

/** Splits a list so that each statement stays under D1's parameter limit (`reserved` for the others it binds). */
export function chunkForParameters<T>(items: T[], reserved: number): T[][] {
  const size = D1_MAX_PARAMETERS - reserved;
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
