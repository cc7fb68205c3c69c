import { describe, expect, it } from "vitest";
import { integrationSnippets } from "./docs-snippets";

describe("integrationSnippets", () => {
  const s = integrationSnippets("https://relay.example.com");

  it("points every snippet at this deployment", () => {
    expect(s.authorize).toMatch(/^GET https:\/\/relay\.example\.com\/connect\/authorize\n/);
    expect(s.widget).toContain('<script src="https://relay.example.com/connect.js"></script>');
    expect(s.tokenCurl).toMatch(/^curl https:\/\/relay\.example\.com\/connect\/token /);
    expect(s.revokeCurl).toContain("https://relay.example.com/connect/revoke");
    expect(s.chatCurl).toContain("https://relay.example.com/v1/chat/completions");
    expect(s.chatOpenAi).toContain('baseURL: "https://relay.example.com/v1"');
    expect(s.callback).toContain(`iss=${encodeURIComponent("https://relay.example.com")}`);
    expect(s.browserConnect).toContain('baseUrl: "https://relay.example.com"');
  });

  it("the browser snippets use the browser entry, the app's own client ID, and no client secret", () => {
    const own = integrationSnippets("https://relay.example.com", { clientId: "app_abc", redirectUri: "https://chat.example/" });
    expect(own.browserConnect).toContain('from "@1relay/connect/browser"');
    expect(own.browserConnect).toContain('clientId: "app_abc"');
    expect(own.browserConnect).toContain('redirectUri: "https://chat.example/"');
    expect(own.browserConnect + own.browserSdks).not.toMatch(/secret/i);
    expect(own.browserSdks).toContain("dangerouslyAllowBrowser: true");
  });

  it("names the documented parameters and response fields", () => {
    for (const name of ["response_type=code", "client_id=", "redirect_uri=", "scope=", "state=", "code_challenge=", "code_challenge_method=S256", "key="]) {
      expect(s.authorize).toContain(name);
    }
    for (const name of ["grant_type=authorization_code", "code=", "code_verifier=", "client_id=", "redirect_uri=", "client_secret="]) expect(s.tokenCurl).toContain(name);
    expect(JSON.parse(s.tokenResponse)).toMatchObject({ token_type: "relay", connection_id: expect.stringMatching(/^[0-9a-f]{32}$/), sealed_secret: expect.any(String), scope: expect.any(String), limits: expect.any(Object) });
    expect(s.callback).toContain("error=access_denied");
    expect(s.chatCurl).toContain("Authorization: Bearer $RELAY_TOKEN");
  });

  it("fills in the developer's own client ID and redirect URI", () => {
    const own = integrationSnippets("https://relay.example.com", { clientId: "app_abc", redirectUri: "http://localhost:3000/cb" });
    for (const snippet of [own.authorize, own.start, own.widget, own.tokenCurl, own.revokeCurl]) expect(snippet).toContain("app_abc");
    expect(own.authorize).toContain(`redirect_uri=${encodeURIComponent("http://localhost:3000/cb")}`);
    expect(own.callback).toMatch(/^# Approved.*\nhttp:\/\/localhost:3000\/cb\?code=/);
    expect(own.start).not.toContain("app_0123456789abcdef01234567");
  });
});
