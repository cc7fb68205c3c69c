// The provider-neutral core of the fakes: what was asked, what to answer, and the token counts.
//
// Token rule (documented in README.md, the same for all three providers):
//   prompt tokens     = whitespace-separated words in every text the model reads as conversation:
//                       system / developer instructions and the text parts of all messages
//                       (images, tool definitions, tool-call arguments and tool results do not count);
//   completion tokens = words in the reply text, or for a tool call words in `${name} ${argumentsJson}`;
//   cached / cache-write tokens = floor(prompt × cachedFraction / cacheWriteFraction) of the behaviour;
//   reasoning tokens  = behaviour.reasoningTokens (default 0).
import type { Behaviour } from "./types";

export interface ToolDef {
  name: string;
  /** JSON-schema-like object describing the arguments (OpenAPI subset for Gemini). */
  schema: unknown;
}

export type ToolChoice = "auto" | "none" | "required" | { name: string };

export interface Conversation {
  texts: string[];
  last: { kind: "user"; text: string } | { kind: "tool-result" };
  tools: ToolDef[];
  toolChoice: ToolChoice;
  maxTokens?: number;
  stop: string[];
}

export type Plan =
  | { kind: "text"; text: string; finish: "stop" | "length" | "stop_sequence"; stopSequence?: string }
  | { kind: "tool"; name: string; args: Record<string, unknown>; argsJson: string };

export interface Usage {
  prompt: number;
  completion: number;
  cached: number;
  cacheWrite: number;
  reasoning: number;
}

export const TOOL_RESULT_REPLY = "Tool result received.";

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Words with their leading whitespace: joining the pieces gives the text back. */
export function splitWords(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

/** Fixed-size pieces of a string (tool arguments are streamed this way). */
export function splitFixed(text: string, size = 8): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

function limitText(text: string, conv: Conversation): Plan {
  let out = text;
  let finish: "stop" | "length" | "stop_sequence" = "stop";
  let stopSequence: string | undefined;
  for (const stop of conv.stop) {
    const at = stop ? out.indexOf(stop) : -1;
    if (at >= 0) {
      out = out.slice(0, at);
      finish = "stop_sequence";
      stopSequence = stop;
    }
  }
  const words = splitWords(out);
  if (conv.maxTokens !== undefined && words.length > conv.maxTokens) {
    out = words.slice(0, conv.maxTokens).join("");
    finish = "length";
    stopSequence = undefined;
  }
  return { kind: "text", text: out, finish, stopSequence };
}

function argumentsFor(schema: unknown, userText: string): Record<string, unknown> {
  const s = (schema ?? {}) as { properties?: Record<string, { type?: unknown }>; required?: unknown };
  const names = Object.keys(s.properties ?? {});
  const required = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === "string") : [];
  const name = required.find((r) => names.includes(r)) ?? names[0];
  if (!name) return {};
  const type = String(s.properties?.[name]?.type ?? "string").toLowerCase();
  if (type === "number" || type === "integer") return { [name]: countWords(userText) };
  if (type === "boolean") return { [name]: true };
  return { [name]: userText };
}

/**
 * The deterministic answer: the behaviour's replyText when scripted (tools or not), else a tool
 * call when tools are offered (and not refused), else an echo.
 */
export function planReply(conv: Conversation, behaviour: Behaviour = {}): Plan {
  if (behaviour.replyText !== undefined) return limitText(behaviour.replyText, conv);
  if (conv.last.kind === "tool-result") return limitText(TOOL_RESULT_REPLY, conv);
  const userText = conv.last.text;
  if (conv.tools.length > 0 && conv.toolChoice !== "none") {
    const choice = conv.toolChoice;
    const wanted = typeof choice === "object" ? choice.name : undefined;
    const tool = conv.tools.find((t) => t.name === wanted) ?? conv.tools[0];
    if (tool) {
      const args = argumentsFor(tool.schema, userText);
      return { kind: "tool", name: tool.name, args, argsJson: JSON.stringify(args) };
    }
  }
  return limitText(`You said: ${userText}`.trim(), conv);
}

export function planWords(plan: Plan): number {
  return plan.kind === "text" ? countWords(plan.text) : countWords(`${plan.name} ${plan.argsJson}`);
}

export function computeUsage(conv: Conversation, plan: Plan, behaviour: Behaviour, extraWords = 0): Usage {
  const prompt = conv.texts.reduce((sum, t) => sum + countWords(t), 0);
  const cached = Math.floor(prompt * Math.min(1, behaviour.cachedFraction ?? 0));
  const cacheWrite = Math.min(prompt - cached, Math.floor(prompt * (behaviour.cacheWriteFraction ?? 0)));
  return { prompt, completion: planWords(plan) + extraWords, cached, cacheWrite, reasoning: behaviour.reasoningTokens ?? 0 };
}

/** Text of a string or of an array of parts/blocks with `text` fields (images and the rest skipped). */
export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((p) => (p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : ""))
    .filter(Boolean)
    .join(" ");
}
