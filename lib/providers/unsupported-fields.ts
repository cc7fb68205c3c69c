import type { ChatRequestField } from "../chat-api/chat-request";
import { PROVIDER_NAMES } from "./provider-names";
import { PROVIDER_IDS, PROVIDERS } from "./registry";
import type { FieldAction, FieldPolicy, FieldRule } from "./registry/field-rules";
import type { ProviderId } from "./types";

// The documented Chat Completions fields each provider cannot honour: the registry rows'
// `unsupportedFields` (the rule is in registry/field-rules.ts). Fields not listed are
// translated (or, for OpenAI-compatible providers, passed through). README.md renders this
// table; a test keeps the two equal.

export type { FieldAction, FieldPolicy, FieldRule } from "./registry/field-rules";

export const UNSUPPORTED_FIELDS = Object.fromEntries(PROVIDER_IDS.map((id) => [id, PROVIDERS[id].unsupportedFields])) as Record<ProviderId, FieldPolicy>;

export interface FieldPolicyRow {
  provider: ProviderId;
  field: ChatRequestField;
  action: FieldAction;
  when: string;
  reason: string;
}

export function listFieldPolicies(): FieldPolicyRow[] {
  return PROVIDER_IDS.flatMap((provider) =>
    Object.entries(UNSUPPORTED_FIELDS[provider]).map(([field, rule]) => {
      const r = rule as FieldRule<unknown>;
      return { provider, field: field as ChatRequestField, action: r.action, when: r.when ?? "any value", reason: r.reason };
    }),
  );
}

/** The table as Markdown, for README.md and the docs. */
export function renderFieldPolicyTable(): string {
  const rows = listFieldPolicies().map(
    (r) => `| ${PROVIDER_NAMES[r.provider]} | \`${r.field}\` | ${r.when.replace(/\|/g, "\\|")} | ${r.action} | ${r.reason} |`,
  );
  return ["| provider | field | when | action | why |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}
