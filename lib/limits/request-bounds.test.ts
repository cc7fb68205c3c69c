import { describe, expect, it } from "vitest";
import { type ChatRequest, parseChatRequest } from "../chat-api/chat-request";
import type { ProviderId } from "../providers/types";
import { computeCostMicroUsd, findPrice, listPrices, worstCaseCostMicroUsd } from "./pricing";
import {
  boundRequest,
  ITEM_ALLOWANCE_TOKENS,
  MAX_IMAGE_TOKENS,
  REQUEST_ALLOWANCE_TOKENS,
  type RequestBounds,
  reservationMicroUsd,
  TOOL_RESULT_ALLOWANCE_TOKENS,
  utf8ByteLength,
} from "./request-bounds";

/** A request as the gateway holds it: validated by the real schema. */
function chat(body: Record<string, unknown>): ChatRequest {
  const parsed = parseChatRequest({ model: "gpt-4o", ...body });
  if (!parsed.ok) throw new Error(`invalid test request: ${parsed.message}`);
  return parsed.request;
}

function bound(provider: ProviderId, upstreamModel: string, request: ChatRequest): RequestBounds {
  const bounds = boundRequest({ provider, upstreamModel, request });
  if (!bounds) throw new Error(`no bounds for ${provider}/${upstreamModel}`);
  return bounds;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;
const user = (content: unknown) => ({ role: "user", content });

/** Deterministic pseudo-random numbers (the same run every time). */
function randomSource(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % (max + 1);
  };
}

const ALPHABET = ["a", " ", "\n", '"', "\\", "\u0000", "é", "ß", "€", "中", "語", "😀", "👩‍👩‍👧", "\u{10FFFF}", "\uD800", "\uDFFF", "<|im_end|>", "\t"];

function randomText(next: (max: number) => number, maxPieces: number): string {
  let text = "";
  for (let n = next(maxPieces); n > 0; n -= 1) text += ALPHABET[next(ALPHABET.length - 1)];
  return text;
}

describe("utf8ByteLength", () => {
  it("counts what TextEncoder writes, lone surrogates as U+FFFD", () => {
    expect(utf8ByteLength("")).toBe(0);
    expect(utf8ByteLength("abc")).toBe(3);
    expect(utf8ByteLength("é€😀")).toBe(2 + 3 + 4);
    expect(utf8ByteLength("\uD800x")).toBe(4);
    expect(utf8ByteLength("x\uDFFF")).toBe(4);
    const next = randomSource(7);
    for (let i = 0; i < 500; i += 1) {
      const text = randomText(next, 40);
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(bytes(text));
    }
  });
});

describe("boundRequest: input", () => {
  it("bounds a text-only prompt by the bytes of the request plus the framing allowances", () => {
    const request = chat({ messages: [user("Hello, world")] });
    const bounds = bound("openai", "gpt-4o", request);
    expect(bounds.images).toBe(0);
    expect(bounds.maxInputTokens).toBe(bytes(JSON.stringify(request)) + REQUEST_ALLOWANCE_TOKENS + ITEM_ALLOWANCE_TOKENS);
    expect(bounds.maxInputTokens).toBeGreaterThanOrEqual(bytes("Hello, world"));
  });

  it("counts multibyte text by its UTF-8 length, not its UTF-16 length", () => {
    const text = "語".repeat(1_000) + "😀".repeat(1_000);
    const bounds = bound("anthropic", "claude-haiku-4-5", chat({ messages: [user(text)] }));
    expect(text.length).toBe(3_000);
    expect(bounds.maxInputTokens).toBeGreaterThan(bytes(text));
    expect(bytes(text)).toBe(7_000);
  });

  it("grows with every message by at least its text and the per-message allowance", () => {
    const one = bound("gemini", "gemini-2.5-flash", chat({ messages: [user("first question")] }));
    const three = bound(
      "gemini",
      "gemini-2.5-flash",
      chat({
        messages: [
          { role: "system", content: "Be brief.", name: "policy" },
          user("first question"),
          { role: "assistant", content: [{ type: "text", text: "an answer" }] },
        ],
      }),
    );
    const added = bytes("Be brief.") + bytes("policy") + bytes("an answer") + 2 * ITEM_ALLOWANCE_TOKENS;
    expect(three.maxInputTokens - one.maxInputTokens).toBeGreaterThanOrEqual(added);
  });

  it("counts tool definitions with their schemas, tool call arguments and tool results", () => {
    const parameters = { type: "object", properties: { city: { type: "string", description: "A city in the world, spelled out" } }, required: ["city"] };
    const tools = [{ type: "function", function: { name: "get_weather", description: "Weather now", parameters } }];
    const calls = [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Zürich"}' } }];
    const request = chat({
      tools,
      tool_choice: "auto",
      response_format: { type: "json_schema", json_schema: { name: "answer", schema: { type: "object", properties: { text: { type: "string" } } } } },
      stop: ["END", "STOP"],
      messages: [user("Weather?"), { role: "assistant", content: null, tool_calls: calls }, { role: "tool", tool_call_id: "call_1", content: "12 °C" }],
    });
    const bounds = bound("anthropic", "claude-sonnet-4-5", request);
    const framing =
      REQUEST_ALLOWANCE_TOKENS + ITEM_ALLOWANCE_TOKENS /* tool */ + 3 * ITEM_ALLOWANCE_TOKENS /* messages */ + ITEM_ALLOWANCE_TOKENS + bytes('{"city":"Zürich"}') /* call */ + TOOL_RESULT_ALLOWANCE_TOKENS;
    expect(bounds.maxInputTokens).toBe(bytes(JSON.stringify(request)) + framing);
    expect(bounds.maxInputTokens).toBeGreaterThan(bytes(JSON.stringify(tools)) + bytes(JSON.stringify(parameters)));
  });

  it("leaves image bytes out and counts each image at the provider's maximum", () => {
    const big = `data:image/png;base64,${"A".repeat(4_000_000)}`;
    const content = [
      { type: "text", text: "Compare these." },
      { type: "image_url", image_url: { url: big, detail: "high" } },
      { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
    ];
    const request = chat({ messages: [user(content)] });
    const textOnly = chat({ messages: [user([{ type: "text", text: "Compare these." }])] });
    for (const [provider, model] of [["openai", "gpt-4o-mini"], ["anthropic", "claude-opus-4-8"], ["gemini", "gemini-2.5-pro"]] as const) {
      const bounds = bound(provider, model, request);
      expect(bounds.images).toBe(2);
      expect(bounds.maxInputTokens).toBeLessThan(big.length / 10);
      const withoutImages = bound(provider, model, textOnly).maxInputTokens;
      expect(bounds.maxInputTokens - withoutImages).toBeGreaterThanOrEqual(2 * MAX_IMAGE_TOKENS[provider]);
      expect(bounds.maxInputTokens - withoutImages).toBeLessThan(2 * MAX_IMAGE_TOKENS[provider] + 200);
    }
  });

  it("covers the dearest documented image: a high-detail gpt-4o-mini image of 8 tiles", () => {
    expect(MAX_IMAGE_TOKENS.openai).toBeGreaterThanOrEqual(2_833 + 8 * 5_667);
    expect(MAX_IMAGE_TOKENS.anthropic).toBeGreaterThanOrEqual(4_784);
    expect(MAX_IMAGE_TOKENS.gemini).toBeGreaterThanOrEqual(16 * 258);
  });

  it("is never below the UTF-8 length of the text in any field (random multibyte and emoji text)", () => {
    const next = randomSource(2026);
    for (let i = 0; i < 300; i += 1) {
      const texts = Array.from({ length: 2 + next(4) }, () => randomText(next, 60) || "x");
      const name = "fn_" + String(next(99));
      const args = JSON.stringify({ q: randomText(next, 20) });
      const request = chat({
        messages: [
          { role: "system", content: texts[0] },
          user(texts.slice(1).map((text) => ({ type: "text", text }))),
          { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name, arguments: args } }] },
          { role: "tool", tool_call_id: "c1", content: texts[0] },
        ],
        tools: [{ type: "function", function: { name, description: texts[texts.length - 1] } }],
      });
      const textBytes = [...texts, texts[0] ?? "", args, name, texts[texts.length - 1] ?? ""].reduce((sum, text) => sum + bytes(text), 0);
      for (const provider of ["openai", "anthropic", "gemini"] as const) {
        const model = { openai: "gpt-5", anthropic: "claude-sonnet-4-6", gemini: "gemini-2.5-flash" }[provider];
        expect(bound(provider, model, request).maxInputTokens).toBeGreaterThanOrEqual(textBytes);
      }
    }
  });
});

describe("boundRequest: output", () => {
  const messages = [user("Write a poem.")];

  it("takes the client's limit when it gives one", () => {
    expect(bound("openai", "gpt-4o", chat({ messages, max_tokens: 300 })).maxOutputTokens).toBe(300);
    expect(bound("openai", "gpt-5", chat({ messages, max_completion_tokens: 5_000 })).maxOutputTokens).toBe(5_000);
    expect(bound("anthropic", "claude-haiku-4-5", chat({ messages, max_tokens: 1 })).maxOutputTokens).toBe(1);
  });

  it("takes the larger of max_tokens and max_completion_tokens when both are given", () => {
    expect(bound("gemini", "gemini-2.5-pro", chat({ messages, max_tokens: 900, max_completion_tokens: 100 })).maxOutputTokens).toBe(900);
    expect(bound("gemini", "gemini-2.5-pro", chat({ messages, max_tokens: 100, max_completion_tokens: 900 })).maxOutputTokens).toBe(900);
  });

  it("falls back to the model's maximum output when no limit is given", () => {
    expect(bound("openai", "gpt-4o-mini", chat({ messages })).maxOutputTokens).toBe(16_384);
    expect(bound("openai", "gpt-4o-2024-05-13", chat({ messages })).maxOutputTokens).toBe(4_096);
    expect(bound("gemini", "gemini-2.5-flash", chat({ messages })).maxOutputTokens).toBe(65_536);
  });

  it("uses the limit the gateway itself sends to Anthropic when the client gives none", () => {
    // Anthropic requires max_tokens; the adapter sends defaultAnthropicMaxTokens and the provider stops there.
    expect(bound("anthropic", "claude-opus-4-1-20250805", chat({ messages })).maxOutputTokens).toBe(8_192);
    expect(bound("anthropic", "claude-3-5-haiku", chat({ messages })).maxOutputTokens).toBe(8_192);
    expect(bound("anthropic", "claude-opus-4-1", chat({ messages, max_tokens: 20_000 })).maxOutputTokens).toBe(20_000);
  });

  it("multiplies by n, the number of choices", () => {
    expect(bound("openai", "gpt-4o", chat({ messages, n: 3, max_tokens: 200 })).maxOutputTokens).toBe(600);
    expect(bound("gemini", "gemini-2.5-flash", chat({ messages, n: 2 })).maxOutputTokens).toBe(131_072);
  });

  it("does not lower a limit above the model's maximum (the provider refuses it rather than clamping)", () => {
    expect(bound("openai", "gpt-4o", chat({ messages, max_tokens: 50_000 })).maxOutputTokens).toBe(50_000);
  });

  it("names the per-choice limit to forward when the client gives none, for every provider (issue 13)", () => {
    expect(bound("openai", "gpt-4o-mini", chat({ messages })).forwardOutputTokens).toBe(16_384);
    expect(bound("gemini", "gemini-2.5-flash", chat({ messages, n: 2 })).forwardOutputTokens).toBe(65_536);
    expect(bound("anthropic", "claude-3-5-haiku", chat({ messages })).forwardOutputTokens).toBe(8_192);
    // The reservation covers exactly what is forwarded (times n).
    const twice = bound("openai", "gpt-4o", chat({ messages, n: 2 }));
    expect(twice.maxOutputTokens).toBe(2 * twice.forwardOutputTokens!);
  });

  it("forwards nothing of its own when the client set a limit (the client's is sent)", () => {
    expect(bound("openai", "gpt-4o", chat({ messages, max_tokens: 300 })).forwardOutputTokens).toBeNull();
    expect(bound("gemini", "gemini-2.5-pro", chat({ messages, max_completion_tokens: 100 })).forwardOutputTokens).toBeNull();
    expect(bound("anthropic", "claude-haiku-4-5", chat({ messages, max_tokens: 1 })).forwardOutputTokens).toBeNull();
  });
});

describe("unknown prices", () => {
  it("answers null for a model with no price row, and for another provider's model", () => {
    const request = chat({ messages: [user("hi")] });
    expect(boundRequest({ provider: "openai", upstreamModel: "gpt-99", request })).toBeNull();
    expect(reservationMicroUsd({ provider: "openai", upstreamModel: "gpt-99", request })).toBeNull();
    expect(boundRequest({ provider: "gemini", upstreamModel: "claude-haiku-4-5", request })).toBeNull();
    expect(reservationMicroUsd({ provider: "anthropic", upstreamModel: "gpt-4o", request })).toBeNull();
  });
});

describe("reservationMicroUsd", () => {
  it("is the worst-case cost of the bounds", () => {
    const request = chat({ messages: [user("Summarise: " + "lorem ipsum ".repeat(200))], max_tokens: 2_000 });
    const price = findPrice({ provider: "anthropic", model: "claude-sonnet-4-5" });
    if (!price) throw new Error("no price");
    const bounds = bound("anthropic", "claude-sonnet-4-5", request);
    expect(reservationMicroUsd({ provider: "anthropic", upstreamModel: "claude-sonnet-4-5", request })).toBe(worstCaseCostMicroUsd({ price, ...bounds }));
  });

  it("prices a request with no limit at the model's whole output", () => {
    // gpt-4o: every prompt token at $2.50, 16,384 output tokens at $10
    const request = chat({ messages: [user("hi")] });
    const bounds = bound("openai", "gpt-4o", request);
    expect(bounds.maxOutputTokens).toBe(16_384);
    const expected = Math.ceil(bounds.maxInputTokens * 2.5) + 163_840;
    expect(reservationMicroUsd({ provider: "openai", upstreamModel: "gpt-4o", request })).toBe(expected);
  });

  it("is never below the settled cost of any usage within the bounds, for every priced model", () => {
    const next = randomSource(42);
    for (const price of listPrices()) {
      for (let i = 0; i < 20; i += 1) {
        const body: Record<string, unknown> = { messages: [user(randomText(next, 200) || "x")] };
        if (next(1) === 1) body.max_completion_tokens = 1 + next(64_000);
        if (price.provider !== "anthropic" && next(3) === 0) body.n = 1 + next(3);
        const request = chat(body);
        const input = { provider: price.provider, upstreamModel: price.model, request };
        const bounds = bound(price.provider, price.model, request);
        const reserved = reservationMicroUsd(input);
        if (reserved === null) throw new Error("no reservation");
        // usage at the bounds and anywhere below, cached and cache-written shares included
        const inputTokens = next(1) === 1 ? bounds.maxInputTokens : next(bounds.maxInputTokens);
        const cachedInputTokens = next(inputTokens);
        const cacheWriteTokens = next(inputTokens - cachedInputTokens);
        const outputTokens = next(1) === 1 ? bounds.maxOutputTokens : next(bounds.maxOutputTokens);
        const reasoningTokens = next(outputTokens);
        const settled = computeCostMicroUsd({ price, usage: { inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens, reasoningTokens } });
        expect(settled, price.model).toBeLessThanOrEqual(reserved);
      }
    }
  });
});
