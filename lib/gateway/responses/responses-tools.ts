import { GatewayRequestError } from "../../chat-api/gateway-request-error";

// Which Responses tools 1Relay passes on (decision 018). Tools the client runs itself (function,
// custom, namespace, local shell, apply_patch) cost only tokens, which the usage counts. Hosted
// tools are billed per call or per session, or pull in content (search results, files, MCP
// listings) whose tokens cannot be bounded before sending: those are refused, except web search,
// which Codex CLI offers on every turn: it is dropped (the model answers without searching) so
// Codex keeps working, and the answer says so in `x-1relay-dropped-tools`.

type Json = Record<string, unknown>;

/** Tools the client executes: forwarded as validated JSON. */
const CLIENT_TOOLS = new Set(["function", "custom", "namespace", "local_shell", "apply_patch", "shell"]);

/** OpenAI's web search, in each of its spellings: dropped. */
export const isWebSearchTool = (type: string): boolean => /^web_search(_preview)?(_\d{4}_\d{2}_\d{2})?$/.test(type);

const HOSTED_REASON: Record<string, string> = {
  file_search: "file search is billed per call and reads stored files",
  code_interpreter: "the code interpreter is billed per container session",
  image_generation: "generated images are billed at image rates",
  mcp: "remote MCP servers add tool listings and results whose tokens cannot be bounded before sending",
  computer: "computer use is not supported by 1Relay yet",
  computer_use: "computer use is not supported by 1Relay yet",
  computer_use_preview: "computer use is not supported by 1Relay yet",
  tool_search: "server-side tool search is not supported by 1Relay yet",
  programmatic_tool_calling: "programmatic tool calling runs in a billed container",
};

/** A hosted tool's reason (own keys only: a client's "constructor" is no tool). */
const hostedReason = (type: string): string | undefined => (Object.hasOwn(HOSTED_REASON, type) ? HOSTED_REASON[type] : undefined);

function refuse(param: string, message: string): never {
  throw new GatewayRequestError({ param, message, code: "unsupported_value" });
}

/** A client-run shell (no environment, or a local one); a hosted container is billed per session. */
function checkShell(tool: Json, param: string): void {
  const environment = tool.environment as Json | null | undefined;
  if (environment != null && environment.type !== "local") refuse(`${param}.environment`, `Invalid '${param}.environment': 1Relay passes on only a local shell (a hosted container is billed per session, which the pricing table does not count).`);
}

function checkTool(tool: Json, param: string): void {
  const type = String(tool.type);
  if (type === "shell") checkShell(tool, param);
  if (type === "namespace") {
    const inner = Array.isArray(tool.tools) ? (tool.tools as Json[]) : [];
    inner.forEach((t, i) => {
      if (t.type !== "function" && t.type !== "custom") refuse(`${param}.tools[${i}].type`, `Invalid '${param}.tools[${i}].type': a namespace holds function and custom tools only.`);
    });
  }
  if (tool.allowed_callers !== undefined && JSON.stringify(tool.allowed_callers).includes("programmatic")) {
    refuse(`${param}.allowed_callers`, `Invalid '${param}.allowed_callers': programmatic tool calling runs in a billed container, which 1Relay cannot price yet.`);
  }
}

/** The tools to forward and the types dropped; throws for a hosted tool 1Relay cannot price. */
export function filterResponsesTools(tools: readonly Json[]): { tools: Json[]; dropped: string[] } {
  const kept: Json[] = [];
  const dropped: string[] = [];
  tools.forEach((tool, index) => {
    const type = String(tool.type);
    const param = `tools[${index}]`;
    if (isWebSearchTool(type)) {
      if (!dropped.includes(type)) dropped.push(type);
      return;
    }
    if (!CLIENT_TOOLS.has(type)) {
      const reason = hostedReason(type) ?? "it is not a tool 1Relay knows";
      refuse(`${param}.type`, `Invalid '${param}.type': the ${type} tool is not supported through 1Relay (${reason}). Function, custom, namespace, local shell and apply_patch tools are.`);
    }
    checkTool(tool, param);
    kept.push(tool);
  });
  return { tools: kept, dropped };
}

/** tool_choice must not force a tool that was dropped or is not offered. */
export function checkToolChoice({ toolChoice, dropped }: { toolChoice: unknown; dropped: readonly string[] }): void {
  if (!toolChoice || typeof toolChoice !== "object") return;
  const choice = toolChoice as Json;
  const type = String(choice.type);
  if (isWebSearchTool(type)) refuse("tool_choice", `Invalid 'tool_choice': web search is not available through 1Relay${dropped.length > 0 ? " (the web_search tool was dropped)" : ""}.`);
  if (hostedReason(type)) refuse("tool_choice", `Invalid 'tool_choice': the ${type} tool is not supported through 1Relay.`);
  if (type === "allowed_tools") {
    const listed = Array.isArray(choice.tools) ? (choice.tools as Json[]) : [];
    const hosted = listed.find((t) => isWebSearchTool(String(t?.type)) || hostedReason(String(t?.type)) !== undefined);
    if (hosted) refuse("tool_choice.tools", `Invalid 'tool_choice.tools': the ${String(hosted.type)} tool is not available through 1Relay.`);
  }
}
