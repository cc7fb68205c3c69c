// How each agent is pointed at 1Relay: the copy-paste set-up the "Use with agents" page shows
// (and the README repeats), for this deployment's public origin (PUBLIC_URL, never the request's
// Host) and a token made for the agent, and the limits such a token starts with. Pure.
import type { ProviderId } from "../providers/registry/provider-ids";

export type AgentId = "claude-code" | "codex" | "gemini-cli" | "openai-compatible";

export interface SnippetPart {
  /** What the part is, e.g. "In your shell" or "~/.codex/config.toml". */
  label: string;
  text: string;
}

export interface AgentSetup {
  id: AgentId;
  name: string;
  /** One line: what it is and which API it calls. */
  summary: string;
  /** The providers the token needs a key of (the first vault key of each is chosen). */
  providers: ProviderId[];
  /** The token's starting limits: a name, models ("" = any model of the keys), monthly budget (USD) and requests per minute. */
  token: { name: string; models: readonly string[]; budget: string; rpm: string };
  /** Why those models. */
  modelsHint: string;
  parts(input: { origin: string; token: string }): SnippetPart[];
  /** Said after the snippet. */
  notes: string[];
}

/** Stands in for the token until one is made. */
export const TOKEN_PLACEHOLDER = "<your 1r_ token>";

const sh = (lines: string[]) => lines.join("\n");

export const AGENT_SETUPS: readonly AgentSetup[] = [
  {
    id: "claude-code",
    name: "Claude Code",
    summary: "Anthropic's coding agent. It calls Anthropic's Messages API (/v1/messages), which 1Relay serves for your Anthropic key.",
    providers: ["anthropic"],
    token: { name: "Claude Code", models: [], budget: "20", rpm: "120" },
    modelsHint: "Claude Code picks its models itself (a main model, Haiku for small tasks), so the token allows any priced Claude model; the budget holds the spend.",
    parts: ({ origin, token }) => [
      { label: "In your shell (or your shell's profile)", text: sh([`export ANTHROPIC_BASE_URL="${origin}"`, `export ANTHROPIC_AUTH_TOKEN="${token}"`, "unset ANTHROPIC_API_KEY", "claude"]) },
    ],
    notes: [
      "Print mode works the same: claude -p \"…\" --model claude-haiku-4-5.",
      "With a token holding another provider's key, claude --model gpt-5.5 (or gemini-2.5-flash) drives that model: 1Relay translates its requests.",
      "A refusal (budget, scope, rate limit) shows in Claude Code as an API error with 1Relay's message.",
    ],
  },
  {
    id: "codex",
    name: "Codex CLI",
    summary: "OpenAI's coding agent. It calls OpenAI's Responses API (/v1/responses) with your OpenAI key.",
    providers: ["openai"],
    token: { name: "Codex CLI", models: ["gpt-5.5"], budget: "20", rpm: "60" },
    modelsHint: "The model in config.toml below; add others the same way.",
    parts: ({ origin, token }) => [
      {
        label: "~/.codex/config.toml (or $CODEX_HOME/config.toml)",
        text: sh(['model = "gpt-5.5"', 'model_provider = "onerelay"', "", "[model_providers.onerelay]", 'name = "1Relay"', `base_url = "${origin}/v1"`, 'env_key = "ONERELAY_TOKEN"', 'wire_api = "responses"']),
      },
      { label: "In your shell", text: sh([`export ONERELAY_TOKEN="${token}"`, "codex"]) },
    ],
    notes: ["Codex reads the token from ONERELAY_TOKEN and sends it as Authorization: Bearer; run codex exec \"…\" for one task without the interface."],
  },
  {
    id: "gemini-cli",
    name: "Gemini CLI",
    summary: "Google's agent. It calls Gemini's own API (/v1beta/models/…:streamGenerateContent) with your Gemini key.",
    providers: ["gemini"],
    token: { name: "Gemini CLI", models: ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite"], budget: "20", rpm: "60" },
    modelsHint: "Gemini CLI moves between Pro, Flash and Flash-Lite on its own.",
    parts: ({ origin, token }) => [
      { label: "~/.gemini/settings.json", text: JSON.stringify({ security: { auth: { selectedType: "gemini-api-key" } } }, null, 2) },
      { label: "In your shell", text: sh([`export GOOGLE_GEMINI_BASE_URL="${origin}"`, `export GEMINI_API_KEY="${token}"`, "gemini"]) },
    ],
    notes: ["The token travels where Gemini's clients send a key (x-goog-api-key); 1Relay never logs it."],
  },
  {
    id: "openai-compatible",
    name: "Any OpenAI-compatible tool",
    summary: "Cursor, aider, Continue, Open WebUI and the rest: they call /v1/chat/completions, which serves every provider your token holds a key of.",
    providers: [],
    token: { name: "OpenAI-compatible tool", models: [], budget: "10", rpm: "60" },
    modelsHint: "Any model of the keys you choose: name it as 1Relay does (gpt-4o-mini, claude-haiku-4-5, gemini-2.5-flash, groq/llama-3.3-70b-versatile…).",
    parts: ({ origin, token }) => [
      { label: "Base URL and key, wherever the tool asks for OpenAI's", text: sh([`Base URL: ${origin}/v1`, `API key:  ${token}`]) },
      { label: "aider", text: sh([`export OPENAI_API_BASE="${origin}/v1"`, `export OPENAI_API_KEY="${token}"`, "aider --model openai/claude-haiku-4-5"]) },
      { label: "Continue (config.yaml)", text: sh(["models:", "  - name: 1Relay", "    provider: openai", "    model: gpt-4o-mini", `    apiBase: ${origin}/v1`, `    apiKey: ${token}`]) },
    ],
    notes: ["Cursor: Settings → Models → OpenAI API key (the token) and Override OpenAI Base URL. Open WebUI: Admin → Settings → Connections → OpenAI API (URL and key)."],
  },
];

export function findAgentSetup(id: string): AgentSetup | undefined {
  return AGENT_SETUPS.find((a) => a.id === id);
}
