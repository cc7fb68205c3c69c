import { defineConfig, devices } from "@playwright/test";
// @ts-expect-error plain ESM helper shared with scripts/test-e2e.mjs
import { findChromium } from "./scripts/find-chromium.mjs";
import { fakeKeys } from "./tests/e2e/helpers/fake-keys";

// The browser tests drive the real OpenNext-built worker in workerd, served the way `npm start`
// serves it (scripts/serve-worker.mjs), with local D1 and Durable Objects, in real Chromium.
// `npm run test:e2e` builds first and picks the Chromium (scripts/find-chromium.mjs).

const port = Number(process.env.E2E_PORT ?? 8799);
if (!process.env.CHROMIUM_PATH) process.env.CHROMIUM_PATH = (findChromium() as { path: string }).path;
// localhost, not 127.0.0.1, throughout: the worker sees the origin the browser asked for, and
// sign-in cookies must stay on the origin Auth.js redirects to.
export const baseURL = `http://localhost:${port}`;
/** The example third-party app (examples/demo-app), on its own port, talking to this 1Relay. */
export const demoAppURL = `http://localhost:${port - 4}`;
export const fakePorts = { openai: port + 11, anthropic: port + 12, gemini: port + 13 };
export const fakeURLs = {
  openai: `http://127.0.0.1:${fakePorts.openai}`,
  anthropic: `http://127.0.0.1:${fakePorts.anthropic}`,
  gemini: `http://127.0.0.1:${fakePorts.gemini}`,
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // Fake OpenAI, Anthropic and Gemini on fixed local ports (tests/fakes).
      command: "node tests/fakes/serve.mjs",
      env: {
        FAKE_OPENAI_PORT: String(fakePorts.openai),
        FAKE_ANTHROPIC_PORT: String(fakePorts.anthropic),
        FAKE_GEMINI_PORT: String(fakePorts.gemini),
        FAKE_GEMINI_KEY: fakeKeys.gemini,
      },
      url: `${fakeURLs.openai}/__fake/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node scripts/serve-e2e.mjs",
      env: { E2E_PORT: String(port), OPENAI_BASE_URL: `${fakeURLs.openai}/v1`, ANTHROPIC_BASE_URL: fakeURLs.anthropic, GEMINI_BASE_URL: fakeURLs.gemini },
      url: `${baseURL}/`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node examples/demo-app/start.mjs",
      env: { PORT: String(port - 4), ONERELAY_URL: baseURL },
      url: `${demoAppURL}/healthz`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
