// The `1relay` package as a library: the CLI's entry and what it knows about each agent.
export { runCli, HELP } from "./cli.js";
export type { CliIo } from "./io.js";
export { agentEnvironment, allAgentsEnvironment, codexConfigToml, detectAgent, AGENTS, type AgentName, type AgentEnvironment } from "./agents.js";
export { credentialsPath, type Credentials } from "./credentials.js";
