import "server-only";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { validateServerEnv, type ServerEnv } from "./validated-env";

export type { ServerEnv };

/** The worker's bindings and settings for Next's routes (validated once per isolate). */
export function getServerEnv(): ServerEnv {
  return validateServerEnv(getCloudflareContext().env as unknown as Record<string, unknown>);
}
