import { describe, expect, it } from "vitest";
import { geminiErrorBody } from "./gemini-errors";
import { isGeminiStyleRequest, parseGeminiAction } from "./gemini-path";
import { toCamelCaseFields } from "./gemini-proto-keys";
import { readGeminiToken } from "./gemini-token";

// The small pure pieces of Gemini's native API: where the token is read, the paths, proto JSON's
// two spellings, and the error body Google's clients (and Gemini CLI's retry logic) read.

const at = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("Gemini's wire details", () => {
  it("reads the token from x-goog-api-key, then Bearer, then exactly one ?key=", () => {
    expect(readGeminiToken(at("https://r.test/v1beta/models/m:generateContent?key=q", { "x-goog-api-key": "h", authorization: "Bearer b" }))).toBe("h");
    expect(readGeminiToken(at("https://r.test/x?key=q", { authorization: "Bearer b" }))).toBe("b");
    expect(readGeminiToken(at("https://r.test/x?key=q"))).toBe("q");
    expect(readGeminiToken(at("https://r.test/x?key=q&key=r"))).toBeNull();
    expect(readGeminiToken(at("https://r.test/x", { "x-goog-api-key": " " }))).toBeNull();
    expect(isGeminiStyleRequest(at("https://r.test/v1/models?key=q"))).toBe(true);
    expect(isGeminiStyleRequest(at("https://r.test/v1/models", { authorization: "Bearer b" }))).toBe(false);
  });

  it("matches its paths under /v1beta and /v1, and only its methods", () => {
    expect(parseGeminiAction("/v1beta/models/gemini-2.5-flash:streamGenerateContent")).toEqual({ model: "gemini-2.5-flash", method: "streamGenerateContent" });
    expect(parseGeminiAction("/v1/models/gemini-embedding-001:batchEmbedContents")).toEqual({ model: "gemini-embedding-001", method: "batchEmbedContents" });
    expect(parseGeminiAction("/v1beta/models/m:predict")).toBeNull();
    expect(parseGeminiAction("/v1beta/models/a/b:generateContent")).toBeNull();
  });

  it("converts snake_case field names, but not the keys of the client's own data", () => {
    const body = { system_instruction: { parts: [{ text: "x" }] }, contents: [{ parts: [{ inline_data: { mime_type: "image/png", data: "" } }, { function_call: { name: "f", args: { user_id: 1 } } }] }], tools: [{ function_declarations: [{ name: "f", parameters_json_schema: { properties: { user_id: {} } } }] }] };
    expect(toCamelCaseFields(body)).toEqual({ systemInstruction: { parts: [{ text: "x" }] }, contents: [{ parts: [{ inlineData: { mimeType: "image/png", data: "" } }, { functionCall: { name: "f", args: { user_id: 1 } } }] }], tools: [{ functionDeclarations: [{ name: "f", parametersJsonSchema: { properties: { user_id: {} } } }] }] });
  });

  it("answers in Google's shape, with a RetryInfo Gemini CLI obeys: the rate limit's wait, or the month's end for a spent budget", () => {
    const base = { message: "m", type: "requests", param: null };
    const limited = geminiErrorBody({ ...base, status: 429, code: "rate_limit_exceeded", retryAfterSeconds: 12 });
    expect(limited.error).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED" });
    expect(limited.error.details).toContainEqual({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "12s" });
    const spent = geminiErrorBody({ ...base, type: "insufficient_quota", status: 429, code: "insufficient_quota" }, Date.UTC(2026, 11, 31, 23, 0, 0));
    expect(spent.error.details).toContainEqual({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "3600s" });
    const denied = geminiErrorBody({ ...base, type: "invalid_request_error", status: 403, code: "provider_not_allowed" });
    expect(denied.error).toMatchObject({ code: 403, status: "PERMISSION_DENIED" });
    expect(denied.error.details.map((d) => d["@type"])).toEqual(["type.googleapis.com/google.rpc.ErrorInfo"]);
  });
});
