import { isAppError } from "./app-error";
import { scrubSecrets } from "./scrub-secrets";

/**
 * Logs an unexpected failure for operators: where it happened, the error's
 * name and code, and a message scrubbed of anything key-like. Never pass
 * request bodies, headers or secrets in `context`.
 */
export function logError({ where, error }: { where: string; error: unknown }): void {
  const name = error instanceof Error ? error.name : typeof error;
  const code = isAppError(error) ? error.code : undefined;
  const message = error instanceof Error ? scrubSecrets(error.message) : "";
  console.error(JSON.stringify({ level: "error", where, name, code, message }));
}
