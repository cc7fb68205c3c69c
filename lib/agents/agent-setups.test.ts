import { describe, expect, it } from "vitest";
import { findPrice } from "../limits/pricing";
import { resolveModel } from "../providers/routing";
import { AGENT_SETUPS, findAgentSetup, TOKEN_PLACEHOLDER } from "./agent-setups";

const ORIGIN = "https://relay.example.com";
const TOKEN = `1r_${"a".repeat(71)}`;
const text = (id: string, token = TOKEN) => findAgentSetup(id)!.parts({ origin: ORIGIN, token }).map((p) => p.text).join("\n");

describe("the agents' set-ups", () => {
  it("point Claude Code at the origin with the token as ANTHROPIC_AUTH_TOKEN (no /v1: Claude Code adds it)", () => {
    expect(text("claude-code")).toContain(`export ANTHROPIC_BASE_URL="${ORIGIN}"\nexport ANTHROPIC_AUTH_TOKEN="${TOKEN}"`);
  });

  it("give Codex a model provider on <origin>/v1 with the Responses wire API and the token from an environment variable", () => {
    const codex = text("codex");
    expect(codex).toContain(`base_url = "${ORIGIN}/v1"`);
    expect(codex).toContain('wire_api = "responses"');
    expect(codex).toContain('env_key = "ONERELAY_TOKEN"');
    expect(codex).toContain(`export ONERELAY_TOKEN="${TOKEN}"`);
  });

  it("give Gemini CLI the base URL, the key variable and the API-key auth setting", () => {
    const gemini = text("gemini-cli");
    expect(gemini).toContain(`export GOOGLE_GEMINI_BASE_URL="${ORIGIN}"`);
    expect(gemini).toContain(`export GEMINI_API_KEY="${TOKEN}"`);
    expect(JSON.parse(findAgentSetup("gemini-cli")!.parts({ origin: ORIGIN, token: TOKEN })[0]!.text)).toEqual({ security: { auth: { selectedType: "gemini-api-key" } } });
  });

  it("show the placeholder until a token is made, and never another origin", () => {
    for (const agent of AGENT_SETUPS) {
      const all = agent.parts({ origin: ORIGIN, token: TOKEN_PLACEHOLDER }).map((p) => p.text).join("\n");
      expect(all, agent.id).toContain(TOKEN_PLACEHOLDER);
      expect(all.match(/https?:\/\/[^\s"/]+/g)?.every((u) => u === ORIGIN), agent.id).toBe(true);
    }
  });

  it("start tokens with models 1Relay routes to the agent's provider and prices, and sane limits", () => {
    for (const agent of AGENT_SETUPS) {
      for (const model of agent.token.models) {
        const target = resolveModel(model);
        expect(target, model).not.toBeNull();
        expect(agent.providers, model).toContain(target!.provider);
        expect(findPrice({ provider: target!.provider, model: target!.upstreamModel }), model).not.toBeNull();
      }
      expect(Number(agent.token.budget)).toBeGreaterThan(0);
      expect(Number.isInteger(Number(agent.token.rpm))).toBe(true);
    }
  });
});
