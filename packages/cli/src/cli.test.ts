import { chmod, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./cli.js";
import { credentialsPath } from "./credentials.js";
import type { CliIo } from "./io.js";
import { startFakeRelay, type FakeRelay } from "./test-relay.js";

let home: string;
let relay: FakeRelay;

function world(env: Record<string, string | undefined> = {}, { tty = false } = {}) {
  let out = "";
  let err = "";
  const io: CliIo = {
    env: { PATH: process.env.PATH, XDG_CONFIG_HOME: path.join(home, "config"), ...env },
    stdout: { write: (text: string) => (out += text), isTTY: tty },
    stderr: { write: (text: string) => (err += text) },
    fetch: globalThis.fetch,
    sleep: async () => {},
    platform: process.platform,
    homedir: home,
    hostname: "test-host",
    self: ["/usr/bin/node", "/opt/1relay/dist/1relay.js"],
    now: Date.now,
  };
  return { io, out: () => out, err: () => err, run: (...argv: string[]) => runCli(argv, io) };
}

async function loggedIn() {
  const cli = world();
  expect(await cli.run("login", "--url", relay.url)).toBe(0);
  return cli;
}

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "1relay-cli-test-"));
  relay = await startFakeRelay({ polls: ["pending", "slow_down", "pending"] });
});
afterEach(async () => {
  await relay.close();
});

describe("1relay login", () => {
  it("prints the URL and the code, waits, and saves the token in a 0600 file in a 0700 directory, never printing it", async () => {
    const cli = world();
    expect(await cli.run("login", "--url", `${relay.url}/`, "--scope", "anthropic openai", "--budget", "20", "--rpm", "60")).toBe(0);
    expect(cli.out()).toContain(`${relay.url}/device\n`);
    expect(cli.out()).toContain("  WDJB-MJHT\n");
    expect(cli.out()).toContain(`Logged in to ${relay.url}.`);
    expect(cli.out()).toContain("Granted: openai anthropic; $20.00 a month, 60 requests a minute.");
    expect(cli.out() + cli.err()).not.toContain(relay.token);

    const file = credentialsPath(cli.io);
    expect(file).toBe(path.join(home, "config", "1relay", "credentials.json"));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ version: 1, url: relay.url, clientId: "1relay-cli", token: relay.token, scope: "openai anthropic" });

    const device = relay.requests.find((r) => r.path === "/connect/device")!;
    expect(Object.fromEntries(new URLSearchParams(device.body))).toMatchObject({ client_id: "1relay-cli", scope: "openai anthropic", device_name: "test-host", budget_usd: "20", rpm: "60", code_challenge_method: "S256" });
    expect(device.headers["user-agent"]).toMatch(/^1relay-cli\/0\.1\.0 \(node /);
    expect(relay.requests.filter((r) => r.path === "/connect/token")).toHaveLength(4);
  });

  it("a denied request and an expired code end with clear messages, and save nothing", async () => {
    for (const [answer, message] of [["access_denied", "The request was denied in the browser. No token was saved."], ["expired_token", "The code expired before it was approved. Run `1relay login` again"]] as const) {
      relay.polls = ["pending", answer];
      const cli = world();
      expect(await cli.run("login", "--url", relay.url)).toBe(1);
      expect(cli.err()).toContain(message);
      expect(existsSync(credentialsPath(cli.io))).toBe(false);
    }
  });

  it("says clearly when the address is wrong, unreachable, or not a 1Relay", async () => {
    const cli = world();
    expect(await cli.run("login")).toBe(2);
    expect(cli.err()).toContain("Which 1Relay? Run `1relay login --url");
    expect(await cli.run("login", "--url", "http://relay.example.com")).toBe(2);
    expect(cli.err()).toContain("Refusing http:// for relay.example.com");
    expect(await cli.run("login", "--url", `${relay.url}/some/path`)).toBe(2);
    expect(cli.err()).toContain("without a path");

    relay.override = { status: 404, type: "text/html", body: "<html>Not Found</html>" };
    expect(await cli.run("login", "--url", relay.url)).toBe(1);
    expect(cli.err()).toContain("does not look like a 1Relay server (it answered 404)");

    const closed = relay.url;
    await relay.close();
    expect(await cli.run("login", "--url", closed)).toBe(1);
    expect(cli.err()).toContain("the connection was refused");
    relay = await startFakeRelay();

    expect(await cli.run("login", "--url", "https://nosuchhost.invalid")).toBe(1);
    expect(cli.err()).toMatch(/Could not find nosuchhost\.invalid|Could not reach 1Relay at nosuchhost\.invalid/);
  });

  it("ONERELAY_URL and the last login's address are used when --url is absent; a new login revokes the old token", async () => {
    const cli = world({ ONERELAY_URL: relay.url });
    expect(await cli.run("login")).toBe(0);
    const first = relay.token;
    const again = world();
    expect(await again.run("login")).toBe(0);
    expect(relay.revoked).toEqual([first]);
    expect(again.out()).toContain("The previous token was revoked.");
    expect(relay.requests.filter((r) => r.path === "/connect/device").map((r) => r.headers.host)).toEqual([new URL(relay.url).host, new URL(relay.url).host]);
  });
});

describe("1relay status", () => {
  it("shows this token's spend, budget, rate limit and status; --json gives the server's fields", async () => {
    const cli = await loggedIn();
    expect(await cli.run("status")).toBe(0);
    expect(cli.out()).toContain("This month  $0.001234 of $20.00 spent in 2 requests (2027-01; resets 2027-02-01)");
    expect(cli.out()).toContain("Rate limit  60 requests a minute");
    expect(cli.out()).toMatch(/Token {7}1r_[0-9A-Za-z]{6}… \(connection [0-9a-f]{8}\), active/);
    expect(cli.out()).not.toContain(relay.token);
    const json = world();
    expect(await json.run("status", "--json")).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({ spent_micro_usd: 1234, budget_usd: 20, rpm: 60, status: "active" });
    const status = relay.requests.find((r) => r.path === "/v1/relay/status")!;
    expect(status.headers.authorization).toBe(`Bearer ${relay.token}`);
  });

  it("not logged in, or a token that no longer works: says what to do", async () => {
    const cli = world();
    expect(await cli.run("status")).toBe(1);
    expect(cli.err()).toContain("Not logged in. Run `1relay login --url <your 1Relay>` first.");
    await loggedIn();
    relay.revoked.push(relay.token);
    expect(await cli.run("status")).toBe(1);
    expect(cli.err()).toContain("The saved token no longer works (This relay token has been revoked.). Run `1relay login` again.");
  });

  it("refuses a credentials file other users can read", async () => {
    const cli = await loggedIn();
    await chmod(credentialsPath(cli.io), 0o644);
    expect(await cli.run("status")).toBe(1);
    expect(cli.err()).toContain("can be read by other users (mode 0644). Run: chmod 600");
  });
});

describe("1relay env", () => {
  it("prints each agent's environment with the token as $(1relay token), never the token itself", async () => {
    const cli = await loggedIn();
    const q = `"$('/usr/bin/node' '/opt/1relay/dist/1relay.js' 'token')"`;
    expect(await cli.run("env", "claude")).toBe(0);
    expect(cli.out()).toContain(`export ANTHROPIC_BASE_URL='${relay.url}'\nexport ANTHROPIC_AUTH_TOKEN=${q}\nunset ANTHROPIC_API_KEY\n`);
    for (const [agent, lines] of [
      ["openai", [`export OPENAI_BASE_URL='${relay.url}/v1'`, `export OPENAI_API_KEY=${q}`]],
      ["gemini", [`export GOOGLE_GEMINI_BASE_URL='${relay.url}'`, `export GEMINI_API_KEY=${q}`, "unset GOOGLE_API_KEY", '"selectedType":"gemini-api-key"']],
      ["codex", [`#   base_url = "${relay.url}/v1"`, '#   env_key = "ONERELAY_API_KEY"', '#   wire_api = "responses"', `export ONERELAY_API_KEY=${q}`]],
    ] as const) {
      const each = world();
      expect(await each.run("env", agent)).toBe(0);
      for (const text of lines) expect(each.out(), agent).toContain(text);
    }
    expect(cli.out()).not.toContain(relay.token);
  });

  it("--toml prints Codex's config alone; --reveal prints the token itself", async () => {
    await loggedIn();
    const toml = world();
    expect(await toml.run("env", "codex", "--toml")).toBe(0);
    expect(toml.out()).toBe(`model_provider = "onerelay"\n\n[model_providers.onerelay]\nname = "1Relay"\nbase_url = "${relay.url}/v1"\nenv_key = "ONERELAY_API_KEY"\nwire_api = "responses"\n`);
    const reveal = world();
    expect(await reveal.run("env", "openai", "--reveal")).toBe(0);
    expect(reveal.out()).toContain(`export OPENAI_API_KEY='${relay.token}'`);
    const bad = world();
    expect(await bad.run("env", "cursor")).toBe(2);
    expect(bad.err()).toContain("Name the agent: 1relay env claude|codex|gemini|openai");
  });
});

describe("1relay token", () => {
  it("prints the token for another program, and refuses a terminal without --show", async () => {
    await loggedIn();
    const piped = world();
    expect(await piped.run("token")).toBe(0);
    expect(piped.out()).toBe(`${relay.token}\n`);
    const tty = world({}, { tty: true });
    expect(await tty.run("token")).toBe(1);
    expect(tty.out()).toBe("");
    expect(await tty.run("token", "--show")).toBe(0);
  });
});

describe("1relay run", () => {
  it("runs a command with every agent's variables in its environment, the token in no argument, the person's own keys removed", async () => {
    await loggedIn();
    const out = path.join(home, "child.json");
    const script = `require("fs").writeFileSync(process.argv[1], JSON.stringify({ argv: process.argv, env: process.env }))`;
    const cli = world({ ANTHROPIC_API_KEY: "sk-ant-my-own", GOOGLE_API_KEY: "AIza-my-own", KEEP_ME: "yes" });
    expect(await cli.run("run", "--", process.execPath, "-e", script, out)).toBe(0);
    const child = JSON.parse(await readFile(out, "utf8")) as { argv: string[]; env: Record<string, string> };
    expect(child.env).toMatchObject({ ANTHROPIC_BASE_URL: relay.url, ANTHROPIC_AUTH_TOKEN: relay.token, OPENAI_BASE_URL: `${relay.url}/v1`, OPENAI_API_KEY: relay.token, GOOGLE_GEMINI_BASE_URL: relay.url, GEMINI_API_KEY: relay.token, ONERELAY_API_KEY: relay.token, KEEP_ME: "yes" });
    expect(child.env.ANTHROPIC_API_KEY).toBeUndefined();
    expect(child.env.GOOGLE_API_KEY).toBeUndefined();
    expect(child.env.CODEX_HOME).toBeUndefined();
    expect(JSON.stringify(child.argv)).not.toContain(relay.token);
    expect(cli.out() + cli.err()).toBe("");
  });

  it("for Codex, a temporary CODEX_HOME with this 1Relay as the model provider, removed afterwards; the child's exit code is kept", async () => {
    await loggedIn();
    const out = path.join(home, "codex.json");
    const script = `const fs = require("fs"); fs.writeFileSync(process.argv[1], JSON.stringify({ home: process.env.CODEX_HOME, config: fs.readFileSync(process.env.CODEX_HOME + "/config.toml", "utf8") })); process.exit(3)`;
    const cli = world();
    expect(await cli.run("run", "--agent", "codex", "--", process.execPath, "-e", script, out)).toBe(3);
    const seen = JSON.parse(await readFile(out, "utf8")) as { home: string; config: string };
    expect(seen.config).toContain(`base_url = "${relay.url}/v1"`);
    expect(existsSync(seen.home)).toBe(false);
  });

  it("a missing command or no login is a clear error", async () => {
    const cli = world();
    expect(await cli.run("run")).toBe(2);
    expect(await cli.run("run", "--", "no-such-command-1relay")).toBe(1);
    expect(cli.err()).toContain("Not logged in");
    await loggedIn();
    expect(await cli.run("run", "--", "no-such-command-1relay")).toBe(127);
    expect(cli.err()).toContain("no-such-command-1relay: command not found.");
  });
});

describe("1relay logout", () => {
  it("revokes the token at 1Relay (RFC 7009) and deletes the file", async () => {
    const cli = await loggedIn();
    expect(await cli.run("logout")).toBe(0);
    const revoke = relay.requests.find((r) => r.path === "/connect/revoke")!;
    expect(Object.fromEntries(new URLSearchParams(revoke.body))).toEqual({ token: relay.token, client_id: "1relay-cli" });
    expect(existsSync(credentialsPath(cli.io))).toBe(false);
    expect(cli.out()).toContain("the token was revoked");
    expect(cli.out()).not.toContain(relay.token);
  });

  it("keeps the file when 1Relay cannot be reached (the token would live on), unless --force", async () => {
    const cli = await loggedIn();
    await relay.close();
    expect(await cli.run("logout")).toBe(1);
    expect(cli.err()).toContain("The token was not revoked, so it was kept");
    expect(existsSync(credentialsPath(cli.io))).toBe(true);
    expect(await cli.run("logout", "--force")).toBe(1);
    expect(cli.err()).toContain("the token was NOT revoked");
    expect(existsSync(credentialsPath(cli.io))).toBe(false);
    relay = await startFakeRelay();
  });
});

describe("the command line itself", () => {
  it("help, version, unknown commands and options", async () => {
    const cli = world();
    expect(await cli.run("--version")).toBe(0);
    expect(cli.out()).toBe("0.1.0\n");
    expect(await cli.run("help")).toBe(0);
    expect(await cli.run("frobnicate")).toBe(2);
    expect(cli.err()).toContain('Unknown command "frobnicate".');
    expect(await cli.run("status", "--verbose")).toBe(2);
    expect(cli.err()).toContain("Unknown option --verbose.");
    expect(await cli.run("login", "--rpm", "ten")).toBe(2);
  });

  it("text from the server cannot drive the terminal: control characters are replaced", async () => {
    relay.override = { status: 400, type: "application/json", body: JSON.stringify({ error: "invalid_client", error_description: "bad \u001b[2J\u001b]0;pwned\u0007 client" }) };
    const cli = world();
    expect(await cli.run("login", "--url", relay.url)).toBe(1);
    expect(cli.err()).toContain("bad ?[2J?]0;pwned? client");
    expect(cli.err()).not.toContain("\u001b");
  });

  it("a file the CLI did not write is refused, not trusted", async () => {
    const cli = world();
    const file = credentialsPath(cli.io);
    await loggedIn();
    await writeFile(file, "{}", { mode: 0o600 });
    expect(await cli.run("status")).toBe(1);
    expect(cli.err()).toContain("is not a 1relay credentials file");
  });
});
