// Extended thinking in the fake Anthropic server (https://docs.claude.com/en/docs/build-with-claude/extended-thinking;
// the SDK's BetaThinkingBlock, BetaRedactedThinkingBlock, thinking_delta and signature_delta):
// with `thinking: {type: "enabled" | "adaptive"}` the reply starts with a thinking block
// ("Thinking about: <last user text>", one word per thinking_delta) closed by its signature; with
// `display: "omitted"` the block's text is empty (its tokens are billed all the same). The
// behaviour `redactedThinking` adds a redacted_thinking block after it.
import { countWords, splitWords } from "./conversation";
import { nextId } from "./ids";
import type { Behaviour } from "./types";

type Json = Record<string, unknown>;

export interface ThinkingPlan {
  blocks: Json[];
  /** Billed thinking tokens (words of the whole thought, shown or not; redacted thinking counts 8). */
  tokens: number;
}

export const REDACTED_THINKING_TOKENS = 8;

/** Why the thinking settings are refused as Anthropic refuses them, or undefined. */
export function thinkingProblem(body: Json, betas: string[]): string | undefined {
  const thinking = body.thinking as Json | undefined;
  if (thinking === undefined) return undefined;
  if (!thinking || typeof thinking !== "object") return "thinking: Input should be an object";
  if (!["enabled", "adaptive", "disabled"].includes(String(thinking.type))) return "thinking.type: Input should be 'enabled', 'adaptive' or 'disabled'";
  if (thinking.type !== "enabled") return undefined;
  const budget = thinking.budget_tokens;
  if (typeof budget !== "number" || budget < 1024) return "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024";
  if (budget >= Number(body.max_tokens) && !betas.includes("interleaved-thinking-2025-05-14")) return "`max_tokens` must be greater than `thinking.budget_tokens`.";
  return undefined;
}

export function planThinking({ body, userText, behaviour }: { body: Json; userText: string; behaviour: Behaviour }): ThinkingPlan {
  const thinking = body.thinking as Json | undefined;
  if (!thinking || (thinking.type !== "enabled" && thinking.type !== "adaptive")) return { blocks: [], tokens: 0 };
  const thought = `Thinking about: ${userText}`.trim();
  const shown = thinking.display === "omitted" ? "" : thought;
  const blocks: Json[] = [{ type: "thinking", thinking: shown, signature: `EqSig${nextId("sig")}` }];
  let tokens = countWords(thought);
  if (behaviour.redactedThinking) {
    blocks.push({ type: "redacted_thinking", data: `EmRedacted${nextId("red")}` });
    tokens += REDACTED_THINKING_TOKENS;
  }
  return { blocks, tokens };
}

/** The stream deltas of a thinking block: its text word by word, then its signature. */
export function thinkingDeltas(block: Json): Json[] {
  const words = splitWords(String(block.thinking)).map((thinking) => ({ type: "thinking_delta", thinking }));
  return [...words, { type: "signature_delta", signature: block.signature }];
}

/** Every cache_control in the request (system, messages, tools, top level) that asks for an hour. */
export function asksForHourCache(body: Json): boolean {
  return JSON.stringify(body).includes('"ttl":"1h"');
}
