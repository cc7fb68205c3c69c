import { describe, expect, it } from "vitest";
import { x25519 } from "@noble/curves/ed25519.js";
import { encodeBase64Url } from "../crypto/encoding";
import { PROVIDER_IDS } from "../providers/registry/provider-ids";
import { parseDeviceRequest } from "./device-request";
import { challengeFromVerifier, newCodeVerifier } from "./pkce";

const KEY = encodeBase64Url(x25519.getPublicKey(new Uint8Array(32).fill(7)));
const CHALLENGE = challengeFromVerifier(newCodeVerifier());
const base = { client_id: "1relay-cli", key: KEY, code_challenge: CHALLENGE, code_challenge_method: "S256" };
const form = (changes: Record<string, string | null> = {}) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...base, ...changes })) if (value !== null) params.set(name, value);
  return params.toString();
};

describe("POST /connect/device's body (RFC 8628 §3.1 + decision 021)", () => {
  it("takes the client, the program's key, PKCE, an optional scope, suggestions and a device name", () => {
    const parsed = parseDeviceRequest({ body: form({ scope: "anthropic openai:gpt-4o-mini openai", budget_usd: "20", rpm: "60", device_name: "laptop" }) });
    expect(parsed).toMatchObject({ ok: true, request: { clientId: "1relay-cli", key: KEY, codeChallenge: CHALLENGE, scopeText: "openai anthropic", suggested: { budgetUsd: 20, rpm: 60 }, deviceName: "laptop" } });
  });

  it("asks for every provider of the registry when no scope is named", () => {
    const parsed = parseDeviceRequest({ body: { ...base } });
    expect(parsed.ok && parsed.request.scope.providers).toEqual([...PROVIDER_IDS]);
    expect(parsed.ok && parsed.request.deviceName).toBeUndefined();
  });

  it("refuses a bad scope as invalid_scope, and anything else malformed as invalid_request", () => {
    expect(parseDeviceRequest({ body: form({ scope: "nosuchprovider" }) })).toMatchObject({ ok: false, error: "invalid_scope" });
    const cases: Record<string, string | null>[] = [{ key: "abc" }, { code_challenge: null }, { code_challenge_method: "plain" }, { code_challenge_method: null }, { rpm: "0" }, { budget_usd: "1e3" }, { device_name: "x".repeat(61) }, { device_name: 'a "quoted" name' }, { device_name: "<b>" }];
    for (const changes of cases) {
      expect(parseDeviceRequest({ body: form(changes) }), JSON.stringify(changes)).toMatchObject({ ok: false, error: "invalid_request" });
    }
    expect(parseDeviceRequest({ body: form({ client_id: null }) })).toMatchObject({ ok: false, error: "invalid_request" });
    expect(parseDeviceRequest({ body: `${form()}&key=${KEY}` })).toMatchObject({ ok: false, error: "invalid_request", description: "key must not be sent more than once" });
  });

  it("is for public clients: a client secret, in the body or a Basic header, is refused", () => {
    expect(parseDeviceRequest({ body: form({ client_secret: "1rs_secret" }) })).toMatchObject({ ok: false, error: "invalid_client", status: 400 });
    const basic = `Basic ${btoa("1relay-cli:secret")}`;
    expect(parseDeviceRequest({ body: form({ client_id: null }), authorization: basic })).toMatchObject({ ok: false, error: "invalid_client", status: 401 });
  });
});
