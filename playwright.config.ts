import { defineConfig, devices } from "@playwright/test";
// @ts-expect-error plain ESM helper shared with scripts/test-e2e.mjs
import { findChromium } from "./scripts/find-chromium.mjs";
import { PROVIDERS } from "./lib/providers/registry";
import { fakeKeys } from "./tests/e2e/helpers/fake-keys";
import { COMPAT_MODES, COMPAT_PROVIDERS } from "./tests/fakes/compat-modes";

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
/** The static example app (examples/static-chat): no server of its own, calls this 1Relay from its own origin. */
export const staticChatURL = `http://localhost:${port - 5}`;
/** A fake per provider (tests/fakes): OpenAI, Anthropic, Gemini, then the fake OpenAI server in each other provider's mode. */
const FAKE_PROVIDERS = ["openai", "anthropic", "gemini", ...COMPAT_PROVIDERS.filter((p) => p !== "openai")] as const;
export type FakeProviderId = (typeof FAKE_PROVIDERS)[number];
export const fakePorts = Object.fromEntries(FAKE_PROVIDERS.map((p, i) => [p, port + 11 + i])) as Record<FakeProviderId, number>;
export const fakeURLs = Object.fromEntries(FAKE_PROVIDERS.map((p) => [p, `http://127.0.0.1:${fakePorts[p]}`])) as Record<FakeProviderId, string>;
/** Each provider's base URL setting pointed at its fake (OpenAI's includes /v1, Groq's /openai/v1…). */
const fakeBaseUrls = Object.fromEntries(
  FAKE_PROVIDERS.map((p) => [PROVIDERS[p].baseUrl.setting, `${fakeURLs[p]}${p === "anthropic" || p === "gemini" ? "" : COMPAT_MODES[p].basePaths[0]}`]),
);

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
      // A fake of every provider on fixed local ports (tests/fakes).
      command: "node tests/fakes/serve.mjs",
      env: {
        ...Object.fromEntries(FAKE_PROVIDERS.map((p) => [`FAKE_${p.toUpperCase()}_PORT`, String(fakePorts[p])])),
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
      env: { E2E_PORT: String(port), ...fakeBaseUrls },
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
    {
      command: "node examples/static-chat/start.mjs",
      env: { PORT: String(port - 5), ONERELAY_URL: baseURL },
      url: `${staticChatURL}/`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
