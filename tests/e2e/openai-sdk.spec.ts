import { expect, test, type Page } from "@playwright/test";
import OpenAI, { AuthenticationError, RateLimitError } from "openai";
import type { ChatCompletionChunk, ChatCompletionTool } from "openai/resources/chat/completions";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { thrown } from "./helpers/thrown";
import { fakeReceived, resetFakes, type FakeProvider } from "./helpers/fakes";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// The official `openai` SDK, pointed at the gateway, against each fake provider:
// plain, streamed (usage in the final chunk) and tool-call completions, an upstream
// error as the SDK's own error class, and a bad relay token.

const providers: { provider: FakeProvider; model: string }[] = [
  { provider: "openai", model: "gpt-4o-mini" },
  { provider: "anthropic", model: "claude-haiku-4-5" },
  { provider: "gemini", model: "gemini-2.5-flash" },
];

const weatherTool: ChatCompletionTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Current weather for a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

function sdk(baseURL: string, apiKey: string): OpenAI {
  return new OpenAI({ baseURL: `${baseURL}/v1`, apiKey, maxRetries: 0, timeout: 20_000 });
}

test.describe.serial("the official openai SDK through the gateway", () => {
  let page: Page;
  let token: string;

  test.beforeAll(async ({ browser, baseURL }) => {
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("sdk"), baseURL!);
    await createVault(page, "amber falcon 83 quartz meadow");
    await addKey(page, "openai", "My OpenAI", fakeKeys.openai);
    await addKey(page, "anthropic", "My Anthropic", fakeKeys.anthropic);
    await addKey(page, "gemini", "My Gemini", fakeKeys.gemini);
    // No budget: the fault cases use the fakes' magic model names, which have no price.
    token = await createToken(page, { name: "SDK bot", keys: { openai: "My OpenAI", anthropic: "My Anthropic", gemini: "My Gemini" }, budget: "" });
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("connection-row").filter({ hasText: "SDK bot" })).toContainText(`${token.slice(0, 9)}…`);
  });

  test.afterAll(async () => {
    await page?.close();
  });

  for (const { provider, model } of providers) {
    test(`${provider}: a plain completion (${model})`, async ({ baseURL }) => {
      await resetFakes();
      const completion = await sdk(baseURL!, token).chat.completions.create({
        model,
        messages: [{ role: "user", content: "hello from the sdk" }],
      });
      expect(completion.object).toBe("chat.completion");
      expect(completion.choices).toHaveLength(1);
      expect(completion.choices[0]!.message.role).toBe("assistant");
      expect(completion.choices[0]!.message.content).toBe("You said: hello from the sdk");
      expect(completion.choices[0]!.finish_reason).toBe("stop");
      // Token rule: 4 prompt words, 6 reply words.
      expect(completion.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 });
      // It reached that provider's fake, no other.
      expect(await fakeReceived(provider)).toHaveLength(1);
      for (const other of providers.filter((p) => p.provider !== provider)) expect(await fakeReceived(other.provider)).toHaveLength(0);
    });

    test(`${provider}: a streamed completion with usage in the final chunk (${model})`, async ({ baseURL }) => {
      await resetFakes();
      const stream = await sdk(baseURL!, token).chat.completions.create({
        model,
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: "user", content: "stream these words back" }],
      });
      const chunks: ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      expect(chunks.length).toBeGreaterThan(2);
      expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
      expect(chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("")).toBe("You said: stream these words back");
      expect(chunks.some((c) => c.choices[0]?.finish_reason === "stop")).toBe(true);
      const last = chunks.at(-1)!;
      expect(last.choices).toEqual([]);
      expect(last.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 });
      // Only the final chunk carries usage.
      expect(chunks.slice(0, -1).every((c) => c.usage == null)).toBe(true);
      expect(await fakeReceived(provider)).toHaveLength(1);
    });

    test(`${provider}: a tool call (${model})`, async ({ baseURL }) => {
      await resetFakes();
      const completion = await sdk(baseURL!, token).chat.completions.create({
        model,
        tools: [weatherTool],
        messages: [{ role: "user", content: "What is the weather in Paris?" }],
      });
      const choice = completion.choices[0]!;
      expect(choice.finish_reason).toBe("tool_calls");
      expect(choice.message.tool_calls).toHaveLength(1);
      const call = choice.message.tool_calls![0]!;
      expect(call.type).toBe("function");
      expect(call.id).toEqual(expect.any(String));
      expect(call.id.length).toBeGreaterThan(0);
      if (call.type !== "function") throw new Error("not a function call");
      expect(call.function.name).toBe("get_weather");
      // The fakes fill the first required string with the last user text.
      expect(JSON.parse(call.function.arguments)).toEqual({ city: "What is the weather in Paris?" });
      expect(completion.usage!.prompt_tokens).toBe(6);
      expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
      expect(await fakeReceived(provider)).toHaveLength(1);
    });

    test(`${provider}: an upstream 429 is the SDK's RateLimitError (${model}-fake-429)`, async ({ baseURL }) => {
      await resetFakes();
      const error = await thrown(() =>
        sdk(baseURL!, token).chat.completions.create({ model: `${model}-fake-429`, messages: [{ role: "user", content: "too many" }] }),
      );
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).status).toBe(429);
      expect((error as RateLimitError).error).toEqual(expect.objectContaining({ message: expect.any(String) }));
      // maxRetries: 0 — exactly one upstream attempt from one SDK call.
      expect(await fakeReceived(provider)).toHaveLength(1);
    });
  }

  test("an invalid relay token is the SDK's AuthenticationError (401)", async ({ baseURL }) => {
    await resetFakes();
    const wrong = `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`;
    const error = await thrown(() => sdk(baseURL!, wrong).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).code).toBe("invalid_api_key");
    expect(await fakeReceived("openai")).toHaveLength(0);
    // The real token still works with the same client settings.
    const ok = await sdk(baseURL!, token).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "still fine" }] });
    expect(ok.choices[0]!.message.content).toBe("You said: still fine");
  });
});
