import { AppError } from "../errors/app-error";
import { describeEnvIssues, envSchema, type AppSettings } from "./schema";

export type ServerEnv = AppSettings & {
  DB: D1Database;
  ACCOUNT: DurableObjectNamespace;
};

const validated = new WeakMap<object, ServerEnv>();

/**
 * The worker's bindings and settings, validated with zod the first time they are read in
 * this isolate. A bad configuration fails loudly with every problem named (the worker entry
 * also reports it at start-up: lib/env/startup-report.ts).
 */
export function validateServerEnv(raw: Record<string, unknown>): ServerEnv {
  const cached = validated.get(raw);
  if (cached) return cached;
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const message = describeEnvIssues(parsed.error);
    console.error(message);
    throw new AppError({ code: "misconfigured", message: "1Relay is not configured correctly. See the server log." });
  }
  if (!raw.DB || !raw.ACCOUNT) {
    const message = "1Relay cannot start: the DB (D1) and ACCOUNT (Durable Object) bindings are required (wrangler.jsonc).";
    console.error(message);
    throw new AppError({ code: "misconfigured", message: "1Relay is not configured correctly. See the server log." });
  }
  const env = { ...parsed.data, DB: raw.DB as D1Database, ACCOUNT: raw.ACCOUNT as DurableObjectNamespace };
  validated.set(raw, env);
  return env;
}
