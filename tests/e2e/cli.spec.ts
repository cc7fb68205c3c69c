import { readFileSync, existsSync, statSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { pollDeviceToken, requestDeviceCode } from "../../packages/connect/src/device";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { signInOnConsentPage } from "./helpers/connect-flow";
import { approveOnConsentPage, enterDeviceCode, newCliHome, readLoginPrompt, runCli, startCli, type CliRun } from "./helpers/cli";
import { resetFakes } from "./helpers/fakes";
import { waitForRows } from "./helpers/local-d1";
import { secondServerPort, startSecondServer, type SecondServer } from "./helpers/second-server";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";
import { expectFits } from "./helpers/fits";

// Issue 17: an agent gets its own token without the dashboard. `1relay login` (the built CLI, a
// child process) prints a code; the person approves it in Chromium on /device, over the consent
// page's own steps; the CLI ends with a token that works through /v1/chat/completions, `1relay
// run` hands it to a program, `1relay status` matches the Usage page, `1relay logout` makes the
// next call 401. Denied and expired requests end with clear messages; the device grant's states
// hold at the wire; typed codes are limited per address.

const PASSWORD = "quartz harbor 73 willow ember";
const usd = (micro: number) => `$${(micro / 1_000_000).toFixed(6)}`;

function chat(baseURL: string, token: string, content = "hello"): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content }] }) });
}

function allOutput(...runs: ({ stdout: string; stderr: string } | CliRun)[]): string {
  return runs.map((r) => (typeof r.stdout === "function" ? `${r.stdout()}${(r as CliRun).stderr()}` : `${r.stdout}${r.stderr}`)).join("\n");
}

test.describe.serial("1relay CLI: an agent's own token by device authorization", () => {
  let person: Page;
  const personEmail = uniqueEmail("agent-owner");

  test.beforeAll(async ({ browser, baseURL }) => {
    person = await (await browser.newContext({ baseURL })).newPage();
    await signInWithCode(person, browser, personEmail, baseURL!);
    await createVault(person, PASSWORD);
    await addKey(person, "openai", "Personal OpenAI", fakeKeys.openai);
    await addKey(person, "anthropic", "Personal Anthropic", fakeKeys.anthropic);
  });

  test("login → approve the printed code in the browser → the token works, `run` hands it to a program, status matches Usage, logout makes it 401", async ({ baseURL }, testInfo) => {
    test.setTimeout(150_000);
    await resetFakes();
    const home = newCliHome("login");
    const login = startCli({ args: ["login", "--url", baseURL!, "--scope", "openai anthropic", "--budget", "5", "--rpm", "30", "--name", "e2e-laptop"], home });
    const prompt = await readLoginPrompt(login);
    expect(prompt.verificationUri).toBe(`${baseURL}/device`);
    expect(login.stdout()).toContain(`(or open ${baseURL}/device?user_code=${prompt.userCode})`);

    // The page names the program, the code, where the request came from, and warns.
    await person.goto("/device");
    await expectFits(person, testInfo, "device-code-form");
    await enterDeviceCode(person, prompt);
    await expect(person.getByTestId("device-program")).toContainText("1Relay CLI");
    await expect(person.getByRole("heading", { name: "1Relay CLI", level: 1 })).toBeVisible();
    await expect(person.getByTestId("device-name")).toContainText("e2e-laptop (the program’s own words, not checked)");
    await expect(person.getByTestId("device-origin")).toContainText("127.0.0.1");
    await expect(person.getByTestId("device-agent")).toContainText(/^1relay-cli\/0\.1\.0 \(node 2\d\.\d+\.\d+; linux\)$/);
    await expect(person.getByTestId("device-warning")).toContainText("Only approve a request you started yourself, just now.");
    await expect(person.getByRole("region", { name: "Is this your request?" })).toContainText(prompt.userCode);
    await expectFits(person, testInfo, "device-request");
    await person.getByRole("button", { name: "Yes, it’s mine: continue" }).click();
    await approveOnConsentPage(person, { password: PASSWORD, budget: "5", rpm: "30" });

    expect(await login.exit).toBe(0);
    expect(login.stdout()).toContain(`Logged in to ${baseURL}.`);
    expect(login.stdout()).toContain("Granted: openai anthropic; $5.00 a month, 30 requests a minute.");
    // The token: in a file only its user can read (0600, in a 0700 directory), nowhere on screen.
    expect(statSync(home.credentialsFile).mode & 0o777).toBe(0o600);
    expect(statSync(`${home.configDir}/1relay`).mode & 0o777).toBe(0o700);
    const { token, connectionId } = JSON.parse(readFileSync(home.credentialsFile, "utf8")) as { token: string; connectionId: string };
    expect(token).toMatch(/^1r_[0-9A-Za-z]{71}$/);

    // `1relay run -- node -e …`: an OpenAI-compatible call with the environment it was given.
    const script = `(async () => { const r = await fetch(process.env.OPENAI_BASE_URL + "/chat/completions", { method: "POST", headers: { authorization: "Bearer " + process.env.OPENAI_API_KEY, "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hello from 1relay run" }] }) }); const j = await r.json(); console.log(r.status, j.choices[0].message.content); })()`;
    const run = await runCli({ args: ["run", "--", process.execPath, "-e", script], home });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe("200 You said: hello from 1relay run");
    expect((await chat(baseURL!, token, "hello directly")).status).toBe(200);

    // `1relay status` shows what the Usage page shows for this connection.
    await waitForRows<{ n: number }>("SELECT count(*) AS n FROM usage_records WHERE connection_id = ?", [connectionId], (r) => r[0]!.n === 2);
    const statusJson = await runCli({ args: ["status", "--json"], home });
    expect(statusJson.code).toBe(0);
    const status = JSON.parse(statusJson.stdout) as { spent_micro_usd: number; requests: number; budget_usd: number; rpm: number; status: string };
    expect(status).toMatchObject({ requests: 2, budget_usd: 5, rpm: 30, status: "active" });
    expect(status.spent_micro_usd).toBeGreaterThan(0);
    await person.goto("/dashboard/usage");
    const row = person.getByTestId("by-app").locator(`[data-key="${connectionId}"]`);
    await expect(row).toContainText("1Relay CLI on e2e-laptop");
    await expect(row.locator('[data-cell="requests"]')).toHaveText("2");
    await expect(row.locator('[data-cell="spend"]')).toHaveText(usd(status.spent_micro_usd));
    const statusText = await runCli({ args: ["status"], home });
    expect(statusText.stdout).toContain(`${usd(status.spent_micro_usd)} of $5.00 spent in 2 requests`);
    expect(statusText.stdout).toContain("Rate limit  30 requests a minute");
    await person.goto("/dashboard/connections");
    await expect(person.getByTestId("connection-row").filter({ hasText: "1Relay CLI on e2e-laptop" })).toContainText("30 req/min");

    // `1relay logout`: revoked at 1Relay, the file gone, the next call refused.
    const logout = await runCli({ args: ["logout"], home });
    expect(logout.code).toBe(0);
    expect(existsSync(home.credentialsFile)).toBe(false);
    expect((await chat(baseURL!, token)).status).toBe(401);
    expect(allOutput(login, run, statusJson, statusText, logout)).not.toContain(token);
    expect(allOutput(login, run, statusJson, statusText, logout)).not.toContain(token.slice(12));
  });

  test("signed out: the code page signs in inline and comes back to the request; a denied request ends with a clear message and saves nothing", async ({ browser, baseURL }) => {
    const home = newCliHome("denied");
    const login = startCli({ args: ["login", "--url", baseURL!], home });
    const prompt = await readLoginPrompt(login);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await enterDeviceCode(page, prompt);
    await expect(page.getByTestId("device-warning")).toBeVisible();
    await signInOnConsentPage(page, browser, personEmail, baseURL!);
    await expect(page.getByRole("region", { name: "Is this your request?" })).toContainText(`Signed in as ${personEmail}.`);
    await expect(page.getByTestId("device-user-code")).toHaveText(prompt.userCode);
    await page.getByRole("button", { name: "No, deny it" }).click();
    await expect(page.getByRole("status")).toContainText("Denied. 1Relay CLI gets nothing");
    expect(await login.exit).toBe(1);
    expect(login.stderr()).toContain("1relay: The request was denied in the browser. No token was saved.");
    expect(existsSync(home.credentialsFile)).toBe(false);
    await context.close();
  });

  test("the device grant at the wire: pending, slow_down, a wrong verifier, approved once, a second use revokes", async ({ baseURL }) => {
    const device = await requestDeviceCode({ baseUrl: baseURL!, clientId: "1relay-cli", scope: "openai" });
    const poll = (changes: Record<string, string> = {}) =>
      fetch(`${baseURL}/connect/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: device.pending.deviceCode, code_verifier: device.pending.codeVerifier, client_id: "1relay-cli", ...changes }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    expect(device.pending.interval).toBe(5);
    expect(await poll()).toMatchObject({ status: 400, body: { error: "slow_down" } }); // before the first interval
    await new Promise((r) => setTimeout(r, 10_000)); // the interval is now 10 s
    expect(await poll()).toMatchObject({ status: 400, body: { error: "authorization_pending" } });
    expect(await poll({ code_verifier: "x".repeat(43) })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await poll({ client_id: "app_someoneelse" })).toMatchObject({ status: 400, body: { error: "invalid_client" } });

    await enterDeviceCode(person, { verificationUri: device.verificationUri, userCode: device.userCode });
    await person.getByRole("button", { name: "Yes, it’s mine: continue" }).click();
    await approveOnConsentPage(person, { password: PASSWORD, budget: "10", rpm: "60" });
    // The library opens the sealed secret exactly as the CLI does.
    const grant = await pollDeviceToken({ pending: { ...device.pending, interval: 1 } });
    expect((await chat(baseURL!, grant.token)).status).toBe(200);
    const again = await poll();
    expect(again).toMatchObject({ status: 400, body: { error: "invalid_grant", error_description: "The device code was already used; the connection made with it has been revoked." } });
    expect((await chat(baseURL!, grant.token)).status).toBe(401);
  });

  test("the Tokens page says how to connect from a terminal, with this deployment's address", async ({ baseURL }, testInfo) => {
    await person.goto("/dashboard/tokens");
    await expect(person.getByTestId("terminal-login-command")).toHaveText(`npx 1relay login --url ${baseURL}`);
    await person.getByTestId("terminal-login-command").scrollIntoViewIfNeeded();
    await expectFits(person, testInfo, "tokens-terminal-login");
  });
});

test.describe("1relay CLI against a server with short-lived codes and a low limit on typed codes", () => {
  let server: SecondServer;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    server = await startSecondServer({ port: secondServerPort(-6), vars: { DEVICE_CODE_TTL_SECONDS: "6", DEVICE_POLL_INTERVAL_SECONDS: "1", DEVICE_CODE_ENTRIES_PER_IP: "4" } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("an expired code ends with a clear message; typed codes are limited per address, right or wrong", async ({ page }) => {
    test.setTimeout(90_000);
    const home = newCliHome("expired");
    const login = startCli({ args: ["login", "--url", server.baseURL], home });
    const prompt = await readLoginPrompt(login);
    expect(login.stdout()).toContain("the code expires in 6 seconds");
    expect(await login.exit).toBe(1);
    expect(login.stderr()).toContain("1relay: The code expired before it was approved. Run `1relay login` again for a new one.");
    expect(existsSync(home.credentialsFile)).toBe(false);

    // The expired code, then wrong ones: each try counts (1-4).
    for (const code of [prompt.userCode, "BBBB-BBBB", "CCCC-CCCC", "DDDD-DDDD"]) {
      await page.goto(`${server.baseURL}/device?user_code=${code}`);
      await expect(page.locator(".alert.error")).toHaveText("That code is not valid, or it has expired or was already used. Check the code your terminal shows, or run the program's login again.");
    }
    // Past the limit even a right code is refused: guessing gains nothing.
    const fresh = startCli({ args: ["login", "--url", server.baseURL], home });
    const valid = await readLoginPrompt(fresh);
    await page.goto(`${server.baseURL}/device`);
    await page.getByLabel("Code", { exact: true }).fill(valid.userCode);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".alert.error")).toHaveText("Too many codes were tried from your network. Try again in 15 minutes.");
    fresh.child.kill("SIGTERM");
    await fresh.exit;
  });
});
