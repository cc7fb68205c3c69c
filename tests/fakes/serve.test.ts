import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { expect, it } from "vitest";

it("serve.mjs starts the three fakes and prints their URLs as one JSON line", async () => {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "serve.mjs")], {
    env: { ...process.env, FAKE_OPENAI_KEY: "sk-only-this" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    });
    const urls = JSON.parse(line) as Record<string, string>;
    expect(Object.keys(urls)).toEqual(["openai", "anthropic", "gemini"]);
    for (const url of Object.values(urls)) expect((await fetch(`${url}/__fake/health`)).status).toBe(200);
    const wrong = await fetch(`${urls.openai}/v1/models`, { headers: { authorization: "Bearer sk-other" } });
    expect(wrong.status).toBe(401);
  } finally {
    child.kill("SIGTERM");
  }
  await new Promise((resolve) => child.once("exit", resolve));
});
