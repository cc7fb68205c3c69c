import type { ChatRequest, ChatRequestField } from "../chat-api/chat-request";
import { PROVIDER_NAMES } from "./provider-names";
import type { ProviderId } from "./types";

// The documented Chat Completions fields a provider cannot honour, and what the gateway does
// with each (the rule of issue 4): "reject" answers 400 naming the field; "drop" leaves it
// out because dropping it cannot change what the answer means. A rule with `applies` only
// bites for those values (n > 1, logprobs: true…); other values are neutral and left out.
// Fields not listed are translated (or, for OpenAI, passed through). README.md renders this
// table; a test keeps the two equal.

export type FieldAction = "drop" | "reject";

export interface FieldRule<V> {
  action: FieldAction;
  /** The values the rule is about, in words; absent: any value. */
  when?: string;
  applies?: (value: NonNullable<V>) => boolean;
  reason: string;
}

export type FieldPolicy = { [K in ChatRequestField]?: FieldRule<ChatRequest[K]> };

const notEmpty = (value: object) => Object.keys(value).length > 0;

export const UNSUPPORTED_FIELDS: Record<ProviderId, FieldPolicy> = {
  openai: {},
  anthropic: {
    n: { action: "reject", when: "n > 1", applies: (n) => n > 1, reason: "Anthropic returns one completion per request." },
    logprobs: { action: "reject", when: "true", applies: (v) => v, reason: "Anthropic does not return token log probabilities." },
    top_logprobs: { action: "reject", when: "> 0", applies: (v) => v > 0, reason: "Anthropic does not return token log probabilities." },
    logit_bias: { action: "reject", when: "not empty", applies: notEmpty, reason: "Anthropic has no token biasing." },
    frequency_penalty: { action: "reject", when: "not 0", applies: (v) => v !== 0, reason: "Anthropic has no frequency penalty." },
    presence_penalty: { action: "reject", when: "not 0", applies: (v) => v !== 0, reason: "Anthropic has no presence penalty." },
    temperature: {
      action: "reject",
      when: "above 1",
      applies: (v) => v > 1,
      reason: "Anthropic's temperature goes from 0 to 1; rescaling it would change what it means.",
    },
    reasoning_effort: {
      action: "reject",
      when: 'not "none"',
      applies: (v) => v !== "none",
      reason: 'Claude\'s extended thinking takes a token budget and changes the reply format; 1Relay does not translate it yet ("none", Claude\'s default, is dropped).',
    },
    verbosity: { action: "reject", when: 'not "medium"', applies: (v) => v !== "medium", reason: "Anthropic has no verbosity setting." },
    response_format: {
      action: "reject",
      when: '{"type":"json_object"}',
      applies: (v) => v.type === "json_object",
      reason: "Anthropic has no schema-free JSON mode; use json_schema (sent as output_config.format).",
    },
    seed: { action: "drop", reason: "Anthropic has no seed; sampling is not reproducible, the answer means the same." },
    service_tier: { action: "drop", reason: "OpenAI's processing tiers; Anthropic's tier follows the account." },
    prompt_cache_key: { action: "drop", reason: "A cache-routing hint for OpenAI; it never changes the answer." },
    metadata: { action: "drop", reason: "Tags for OpenAI's stored completions." },
    store: { action: "drop", reason: "Asks OpenAI to keep the completion; Anthropic keeps nothing to show." },
  },
  gemini: {
    logprobs: { action: "reject", when: "true", applies: (v) => v, reason: "1Relay does not translate Gemini's log probabilities." },
    top_logprobs: { action: "reject", when: "> 0", applies: (v) => v > 0, reason: "1Relay does not translate Gemini's log probabilities." },
    logit_bias: { action: "reject", when: "not empty", applies: notEmpty, reason: "Gemini has no token biasing." },
    verbosity: { action: "reject", when: 'not "medium"', applies: (v) => v !== "medium", reason: "Gemini has no verbosity setting." },
    parallel_tool_calls: {
      action: "reject",
      when: "false",
      applies: (v) => !v,
      reason: "Gemini cannot be limited to one tool call per turn (true, the default, is dropped).",
    },
    service_tier: { action: "drop", reason: "OpenAI's processing tiers; Gemini's tier follows the project." },
    user: { action: "drop", reason: "Gemini has no end-user identifier." },
    safety_identifier: { action: "drop", reason: "Gemini has no end-user identifier." },
    prompt_cache_key: { action: "drop", reason: "A cache-routing hint for OpenAI; it never changes the answer." },
    metadata: { action: "drop", reason: "Tags for OpenAI's stored completions." },
    store: { action: "drop", reason: "Asks OpenAI to keep the completion; Gemini keeps nothing to show." },
  },
};

export interface FieldPolicyRow {
  provider: ProviderId;
  field: ChatRequestField;
  action: FieldAction;
  when: string;
  reason: string;
}

export function listFieldPolicies(): FieldPolicyRow[] {
  return (Object.keys(UNSUPPORTED_FIELDS) as ProviderId[]).flatMap((provider) =>
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
