import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { fakeKeys } from "./helpers/fake-keys";

// npm run demo against the running app: a fresh account, vault, keys and token, then the
// printed token works with the gateway for all three providers.
test("npm run demo prints a working token for a new demo account", async ({ baseURL }) => {
  const root = path.resolve(import.meta.dirname, "../..");
  const run = () =>
    spawnSync(process.execPath, [path.join(root, "scripts/demo.mjs")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, BASE_URL: baseURL!, DEMO_GEMINI_KEY: fakeKeys.gemini, DEMO_BUDGET_USD: "5", DEMO_RPM: "30" },
      timeout: 60_000,
    });
  const first = run();
  expect(first.status, first.stderr).toBe(0);
  const lines = first.stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  const demo = JSON.parse(lines[0]!) as { baseUrl: string; token: string; email: string };
  expect(demo.baseUrl).toBe(`${baseURL}/v1`);
  expect(demo.token).toMatch(/^1r_[0-9A-Za-z]{71}$/);
  for (const model of ["gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash"]) {
    const response = await fetch(`${demo.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${demo.token}`, "content-type": "application/json" },
      body: JSON.stringify({ model, messages: [{ role: "user", content: "hi from the demo" }] }),
    });
    expect(response.status, model).toBe(200);
  }
  const second = run();
  expect(second.status, second.stderr).toBe(0);
  expect(JSON.parse(second.stdout).email).not.toBe(demo.email);
});
