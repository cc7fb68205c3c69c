import { describe, expect, it } from "vitest";
import { clientAllowsOrigin, clientIdOfBody, connectCrossOrigin, connectPreflight, withConnectCors } from "./connect-cors";

const post = (origin?: string) => new Request("http://localhost:8787/connect/token", { method: "POST", headers: origin ? { origin } : {} });

describe("CORS on /connect/token and /connect/revoke (decision 022)", () => {
  it("treats servers and our own pages as not cross-origin", () => {
    expect(connectCrossOrigin({ request: post(), publicUrl: "https://relay.example" })).toBeNull();
    expect(connectCrossOrigin({ request: post("http://localhost:8787"), publicUrl: "https://relay.example" })).toBeNull();
    expect(connectCrossOrigin({ request: post("https://relay.example"), publicUrl: "https://relay.example/" })).toBeNull();
    expect(connectCrossOrigin({ request: post("https://app.example"), publicUrl: "https://relay.example" })).toBe("https://app.example");
    expect(connectCrossOrigin({ request: post("null"), publicUrl: "https://relay.example" })).toBe("null");
  });

  it("reads the client from a form or JSON body", () => {
    expect(clientIdOfBody("grant_type=authorization_code&client_id=app_abc&code=x")).toBe("app_abc");
    expect(clientIdOfBody({ client_id: "app_abc" })).toBe("app_abc");
    expect(clientIdOfBody("code=x")).toBeNull();
    expect(clientIdOfBody({ client_id: 5 })).toBeNull();
    expect(clientIdOfBody(null)).toBeNull();
  });

  it("allows only an origin the client registered, exactly", () => {
    const registered = ["https://app.example", "http://localhost:5173"];
    expect(clientAllowsOrigin({ origin: "https://app.example", registered })).toBe(true);
    for (const origin of ["https://evil.example", "http://localhost:5174", "null", "https://app.example/", "HTTPS://app.example"]) expect(clientAllowsOrigin({ origin, registered }), origin).toBe(false);
    expect(clientAllowsOrigin({ origin: "https://app.example", registered: [] })).toBe(false);
  });

  it("answers a preflight with POST and content-type only, the origin named, no credentials; nothing for null", () => {
    const ok = connectPreflight(new Request("http://localhost:8787/connect/token", { method: "OPTIONS", headers: { origin: "https://app.example", "access-control-request-headers": "content-type, authorization" } }));
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(ok.headers.get("access-control-allow-headers")).toBe("content-type");
    expect(ok.headers.get("access-control-allow-methods")).toBe("POST");
    expect(ok.headers.get("access-control-allow-credentials")).toBeNull();
    const none = connectPreflight(new Request("http://localhost:8787/connect/token", { method: "OPTIONS", headers: { origin: "null" } }));
    expect(none.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("names the origin on an allowed answer, keeping status and body", async () => {
    const answered = withConnectCors({ response: new Response('{"error":"invalid_grant"}', { status: 400, headers: { "content-type": "application/json" } }), origin: "https://app.example" });
    expect(answered.status).toBe(400);
    expect(answered.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(answered.headers.get("vary")).toBe("Origin");
    expect(await answered.json()).toEqual({ error: "invalid_grant" });
  });
});
