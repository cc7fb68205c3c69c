import type { ChatRequest, ChatRequestField } from "../../chat-api/chat-request";

// The documented Chat Completions fields a provider cannot honour, and what the gateway does
// with each (the rule of issue 4): "reject" answers 400 naming the field; "drop" leaves it out
// because dropping it cannot change what the answer means. A rule with `applies` only bites
// for those values (n > 1, logprobs: true…); other values are neutral and not sent.

export type FieldAction = "drop" | "reject";

export interface FieldRule<V> {
  action: FieldAction;
  /** The values the rule is about, in words; absent: any value. */
  when?: string;
  applies?: (value: NonNullable<V>) => boolean;
  reason: string;
}

export type FieldPolicy = { [K in ChatRequestField]?: FieldRule<ChatRequest[K]> };

export const notEmpty = (value: object): boolean => Object.keys(value).length > 0;

/**
 * Rules most providers other than OpenAI share; `name` is the provider's name in reasons,
 * `except` the fields this provider does take.
 */
export function openAIOnlyFields(name: string, { except = [] }: { except?: readonly ChatRequestField[] } = {}): FieldPolicy {
  const rules: FieldPolicy = {
    verbosity: { action: "reject", when: 'not "medium"', applies: (v) => v !== "medium", reason: `${name} has no verbosity setting.` },
    service_tier: { action: "drop", reason: `OpenAI's processing tiers; ${name}'s tier follows the account.` },
    prompt_cache_key: { action: "drop", reason: "A cache-routing hint for OpenAI; it never changes the answer." },
    safety_identifier: { action: "drop", reason: `${name} has no end-user identifier for safety reports.` },
    metadata: { action: "drop", reason: "Tags for OpenAI's stored completions." },
    store: { action: "drop", reason: `Asks OpenAI to keep the completion; ${name} keeps nothing to show.` },
  };
  for (const field of except) delete rules[field];
  return rules;
}

export const LOGPROB_RULES = (name: string): FieldPolicy => ({
  logprobs: { action: "reject", when: "true", applies: (v) => v, reason: `${name} does not return token log probabilities.` },
  top_logprobs: { action: "reject", when: "> 0", applies: (v) => v > 0, reason: `${name} does not return token log probabilities.` },
});

/** The provider returns one completion per request: n > 1 is refused. */
export const ONE_COMPLETION = (name: string): FieldPolicy => ({
  n: { action: "reject", when: "n > 1", applies: (n) => n > 1, reason: `${name} returns one completion per request.` },
});

/** The provider has no token biasing: a non-empty logit_bias is refused. */
export const NO_LOGIT_BIAS = (name: string): FieldPolicy => ({
  logit_bias: { action: "reject", when: "not empty", applies: notEmpty, reason: `${name} has no token biasing.` },
});
