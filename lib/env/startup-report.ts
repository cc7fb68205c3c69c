import { describeEnvIssues, envSchema } from "./schema";

/**
 * What the worker says about its configuration when it starts: invalid settings,
 * the local mail transport, or the absence of any email provider.
 */
export function startupReport(rawEnv: Record<string, unknown>): { level: "error" | "warn"; message: string }[] {
  const parsed = envSchema.safeParse(rawEnv);
  if (!parsed.success) return [{ level: "error", message: describeEnvIssues(parsed.error) }];
  const env = parsed.data;
  if (env.EMAIL_TRANSPORT === "local") {
    return [{ level: "warn", message: "[1relay] EMAIL_TRANSPORT=local: sign-in emails are printed here and shown at /dev/mailbox. Never use this in a deployment." }];
  }
  if (!env.EMAIL_API_KEY) {
    return [{ level: "error", message: "[1relay] No email provider configured: set EMAIL_API_KEY (and EMAIL_FROM, optionally EMAIL_API_URL). Nobody can sign in until then." }];
  }
  return [];
}
