// GET /v1/models in Anthropic's list shape (https://docs.claude.com/en/api/models-list), for a
// request that carries anthropic-version (Claude Code, the Anthropic SDKs): the same models the
// OpenAI-shaped list names, all on one page.
import type { ModelList } from "../list-models";

export interface AnthropicModelList {
  data: { type: "model"; id: string; display_name: string; created_at: string }[];
  has_more: false;
  first_id: string | null;
  last_id: string | null;
}

export function toAnthropicModelList(list: ModelList): AnthropicModelList {
  const data = list.data.map((m) => ({ type: "model" as const, id: m.id, display_name: m.id, created_at: new Date(m.created * 1000).toISOString() }));
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}

/** The request is an Anthropic client's (it names the API version). */
export const speaksAnthropic = (request: Request): boolean => request.headers.has("anthropic-version");
