import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
// @ts-expect-error plain ESM helper shared with scripts/agents/install-agents.mjs
import { agentCommand, agentHome } from "../../scripts/agents/agents.mjs";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { loginThroughBrowser, newCliHome, runCli } from "./helpers/cli";
import { fakeReceived, resetFakes, scriptFake } from "./helpers/fakes";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// Issue 17: `1relay run -- claude -p …` runs Claude Code through 1Relay with the token `1relay
// login` got by device authorization. Claude Code (installed by `npm run test:e2e`, started as node
// + its script) speaks Anthropic's Messages API, so this needs the gateway's `/v1/messages`
// (issue "Agents speak their own language"); it is kept in its own file for that reason.

const PASSWORD = "saffron ledger 64 birch comet";

test("`1relay run -- claude -p …`: Claude Code answers through 1Relay with the token from `1relay login`", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInWithCode(page, browser, uniqueEmail("claude-owner"), baseURL!);
  await createVault(page, PASSWORD);
  await addKey(page, "anthropic", "Personal Anthropic", fakeKeys.anthropic);
  const home = newCliHome("claude");
  await loginThroughBrowser({ page, baseURL: baseURL!, home, password: PASSWORD, args: ["--scope", "anthropic"] });
  const { token } = JSON.parse(readFileSync(home.credentialsFile, "utf8")) as { token: string };

  await resetFakes();
  // Claude Code offers tools: the fake answers them with text only when scripted to.
  await scriptFake("anthropic", { replyText: "Hello from the fake Anthropic, through 1Relay." });
  const claude = agentCommand("claude") as { cmd: string; args: string[] };
  const run = await runCli({
    args: ["run", "--", claude.cmd, ...claude.args, "-p", "hello from claude code", "--model", "claude-haiku-4-5"],
    home,
    env: { HOME: agentHome("claude"), CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", DISABLE_TELEMETRY: "1", DISABLE_AUTOUPDATER: "1" },
  });
  expect(run.stdout).toContain("Hello from the fake Anthropic, through 1Relay.");
  expect(run.code).toBe(0);
  // The provider got the person's own key from the gateway; the agent never had it.
  const received = (await fakeReceived("anthropic")).filter((r) => r.path.startsWith("/v1/messages"));
  expect(received.length).toBeGreaterThan(0);
  expect(received[0]!.headers["x-api-key"]).toBe(fakeKeys.anthropic);
  expect(`${run.stdout}${run.stderr}`).not.toContain(token);
});
