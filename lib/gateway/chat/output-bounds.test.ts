import { describe, expect, it } from "vitest";
import { computeCostMicroUsd, findPrice } from "../../limits/pricing";
import { boundRequest } from "../../limits/request-bounds";
import { usageToCharge } from "../../limits/settlement";
import { getProviderAdapter } from "../../providers/adapters";
import { chatRequest } from "../../providers/test-support";
import type { ProviderId } from "../../providers/types";
import { deliveredBytesOf } from "./delivered-bytes";

// Issue 13, "money is bounded where the provider bills it", per provider, composed the way the
// gateway composes it (chat-completion.ts): the bound the reservation used goes upstream when the
// client set none, and a complete answer without usage is charged by the bound rule, never $0.

const cases: { provider: ProviderId; model: string; read: (body: Record<string, unknown>) => unknown; noUsageAnswer: unknown }[] = [
  {
    provider: "openai",
    model: "gpt-4o-mini",
    read: (body) => body.max_completion_tokens,
    noUsageAnswer: { id: "x", object: "chat.completion", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, message: { role: "assistant", content: "A poem of some length." }, finish_reason: "stop", logprobs: null }] },
  },
  {
    provider: "anthropic",
    model: "claude-haiku-4-5",
    read: (body) => body.max_tokens,
    noUsageAnswer: { id: "msg_1", type: "message", role: "assistant", model: "claude-haiku-4-5", content: [{ type: "text", text: "A poem of some length." }], stop_reason: "end_turn" },
  },
  {
    provider: "gemini",
    model: "gemini-2.5-flash",
    read: (body) => (body.generationConfig as Record<string, unknown> | undefined)?.maxOutputTokens,
    noUsageAnswer: { candidates: [{ content: { role: "model", parts: [{ text: "A poem of some length." }] }, finishReason: "STOP" }] },
  },
];

const request = { model: "m", messages: [{ role: "user", content: "Write a poem." }] };

describe("the output bound goes upstream, and an answer without usage is charged at the bound rule", () => {
  for (const { provider, model, read, noUsageAnswer } of cases) {
    it(`${provider}: no client limit → the upstream body carries the reserved bound`, () => {
      const chat = chatRequest({ ...request, model });
      const bounds = boundRequest({ provider, upstreamModel: model, request: chat })!;
      expect(bounds.forwardOutputTokens).toBeGreaterThan(0);
      const built = getProviderAdapter(provider).buildRequest({ request: chat, upstreamModel: model, apiKey: "k", baseUrl: "https://upstream.example", maxOutputTokens: bounds.forwardOutputTokens ?? undefined });
      expect(read(JSON.parse(built.body) as Record<string, unknown>)).toBe(bounds.forwardOutputTokens);
      expect(bounds.maxOutputTokens).toBe(bounds.forwardOutputTokens);
    });

    it(`${provider}: a client limit is sent as given, not the table's`, () => {
      const chat = chatRequest({ ...request, model, max_tokens: 77 });
      const bounds = boundRequest({ provider, upstreamModel: model, request: chat })!;
      const built = getProviderAdapter(provider).buildRequest({ request: chat, upstreamModel: model, apiKey: "k", baseUrl: "https://upstream.example", maxOutputTokens: bounds.forwardOutputTokens ?? undefined });
      const body = JSON.parse(built.body) as Record<string, unknown>;
      expect(provider === "openai" ? body.max_tokens : read(body)).toBe(77);
      if (provider === "openai") expect(body.max_completion_tokens).toBeUndefined();
    });

    it(`${provider}: a complete answer without usage is charged at the bound rule, never $0`, () => {
      const chat = chatRequest({ ...request, model });
      const bounds = boundRequest({ provider, upstreamModel: model, request: chat })!;
      const { completion, usage } = getProviderAdapter(provider).parseResponse({ body: noUsageAnswer, model, id: "chatcmpl-x", created: 1 });
      // What forward.ts counts as delivered for a non-streamed answer.
      const delivered = completion.choices.reduce((n, c) => n + deliveredBytesOf(`data: ${JSON.stringify({ choices: [{ delta: c.message }] })}`), 0);
      const charged = usageToCharge({ outcome: { kind: "complete", usage, deliveredBytes: delivered }, bounds })!;
      expect(charged.inputTokens).toBe(bounds.maxInputTokens);
      expect(charged.outputTokens).toBe("A poem of some length.".length);
      expect(computeCostMicroUsd({ price: findPrice({ provider, model })!, usage: charged })).toBeGreaterThan(0);
    });
  }
});
