// How each agent is pointed at 1Relay (measured with the agents themselves; 1Relay decision 021):
//   Claude Code   ANTHROPIC_BASE_URL=<origin>, ANTHROPIC_AUTH_TOKEN (sent as Authorization: Bearer)
//   Codex CLI     a model provider in $CODEX_HOME/config.toml: base_url <origin>/v1, env_key, wire_api "responses"
//   Gemini CLI    GOOGLE_GEMINI_BASE_URL=<origin>, GEMINI_API_KEY, and settings.json
//                 security.auth.selectedType = "gemini-api-key"
//   OpenAI-style  OPENAI_BASE_URL=<origin>/v1, OPENAI_API_KEY
// A provider key of the person's own left in the environment (ANTHROPIC_API_KEY, GOOGLE_API_KEY)
// would be preferred or sent alongside by some agents: those are removed for the agent.
import path from "node:path";

export const AGENTS = ["claude", "codex", "gemini", "openai"] as const;
export type AgentName = (typeof AGENTS)[number];

export const CODEX_PROVIDER = "onerelay";
export const CODEX_ENV_KEY = "ONERELAY_API_KEY";

export interface AgentEnvironment {
  set: Record<string, string>;
  unset: string[];
}

export function isAgentName(value: string): value is AgentName {
  return (AGENTS as readonly string[]).includes(value);
}

/** The variables that send one agent's calls through 1Relay with `token`. */
export function agentEnvironment({ agent, origin, token }: { agent: AgentName; origin: string; token: string }): AgentEnvironment {
  switch (agent) {
    case "claude":
      return { set: { ANTHROPIC_BASE_URL: origin, ANTHROPIC_AUTH_TOKEN: token }, unset: ["ANTHROPIC_API_KEY"] };
    case "codex":
      return { set: { [CODEX_ENV_KEY]: token }, unset: [] };
    case "gemini":
      return { set: { GOOGLE_GEMINI_BASE_URL: origin, GEMINI_API_KEY: token }, unset: ["GOOGLE_API_KEY"] };
    case "openai":
      return { set: { OPENAI_BASE_URL: `${origin}/v1`, OPENAI_API_KEY: token }, unset: [] };
  }
}

/** Every agent's variables at once: what `1relay run` gives a command it does not recognise. */
export function allAgentsEnvironment({ origin, token }: { origin: string; token: string }): AgentEnvironment {
  const all = AGENTS.map((agent) => agentEnvironment({ agent, origin, token }));
  return { set: Object.assign({}, ...all.map((e) => e.set)), unset: all.flatMap((e) => e.unset) };
}

/** The Codex CLI configuration (TOML) for a model provider that is this 1Relay. */
export function codexConfigToml({ origin }: { origin: string }): string {
  return [
    `model_provider = "${CODEX_PROVIDER}"`,
    "",
    `[model_providers.${CODEX_PROVIDER}]`,
    'name = "1Relay"',
    `base_url = ${JSON.stringify(`${origin}/v1`)}`,
    `env_key = "${CODEX_ENV_KEY}"`,
    'wire_api = "responses"',
    "",
  ].join("\n");
}

export const GEMINI_SETTINGS = { security: { auth: { selectedType: "gemini-api-key" } } };

const AGENT_SCRIPTS: [RegExp, AgentName][] = [
  [/[\\/]@anthropic-ai[\\/]claude-code[\\/]|[\\/]claude(\.exe)?$/i, "claude"],
  [/[\\/]@openai[\\/]codex[\\/]|[\\/]codex(\.js|\.exe)?$/i, "codex"],
  [/[\\/]@google[\\/]gemini-cli[\\/]|[\\/]gemini(\.js|\.exe)?$/i, "gemini"],
];

/** Which agent a command runs: by its name (`claude …`), or by the script node runs (`node …/cli-wrapper.cjs`). */
export function detectAgent(command: string[]): AgentName | null {
  const [program, ...rest] = command;
  if (!program) return null;
  const name = path.basename(program).replace(/\.(exe|cmd|js|cjs|mjs)$/i, "").toLowerCase();
  if (name === "claude" || name === "codex" || name === "gemini") return name;
  if (name === "node" || name === "nodejs" || name === "bun" || name === "deno") {
    const script = rest.find((arg) => !arg.startsWith("-"));
    if (script) for (const [pattern, agent] of AGENT_SCRIPTS) if (pattern.test(`/${script}`)) return agent;
  }
  return null;
}
