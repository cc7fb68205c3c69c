// npm run demo: against a running local app, makes a new demo account with a vault, one key
// per provider and a scoped token, using the same client-side crypto and HTTP APIs as the
// browser, and prints {"baseUrl", "token", "email"} on one line.
import { buildTokenConnection } from "../../lib/connections/build-connection";
import { PROVIDER_IDS } from "../../lib/providers/registry/provider-ids";
import type { ProviderId } from "../../lib/vault/wire";
import { addProviderKey, createLocalAccount } from "../local-account/local-account";

const base = (process.env.BASE_URL ?? `http://localhost:${process.env.PORT ?? 8787}`).replace(/\/+$/, "");
// OpenAI, Anthropic and Gemini always (placeholders unless set); every other provider of the
// registry when DEMO_<ID>_KEY is set (DEMO_GROQ_KEY, DEMO_MISTRAL_KEY…).
const keys: Partial<Record<ProviderId, string>> = {
  openai: process.env.DEMO_OPENAI_KEY ?? `sk-proj-demo${"0".repeat(40)}`,
  anthropic: process.env.DEMO_ANTHROPIC_KEY ?? `sk-ant-api03-demo${"0".repeat(40)}`,
  gemini: process.env.DEMO_GEMINI_KEY ?? `AIza${"D".repeat(35)}`,
  ...Object.fromEntries(PROVIDER_IDS.flatMap((id) => (process.env[`DEMO_${id.toUpperCase()}_KEY`] ? [[id, process.env[`DEMO_${id.toUpperCase()}_KEY`]!]] : []))),
};
const budgetUsd = Number(process.env.DEMO_BUDGET_USD ?? 100);
const rpm = Number(process.env.DEMO_RPM ?? 600);

async function main(): Promise<void> {
  const email = `demo-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const account = await createLocalAccount({ base, email });
  const { call, userId, vaultKey } = account;
  const grants = [];
  for (const provider of Object.keys(keys) as ProviderId[]) grants.push(await addProviderKey({ account, provider, label: `Demo ${provider}`, secret: keys[provider]! }));
  const { token, body } = buildTokenConnection({
    userId,
    vaultKey,
    name: "Demo token",
    grants,
    policy: { v: 1, providers: grants.map((g) => g.provider), models: [], budgetUsd, rpm, expiresAt: null },
  });
  await call("/api/connections", { method: "POST", json: body });
  vaultKey.fill(0);
  // The demo vault's random master password is not kept anywhere: the account exists to hold the token.
  console.log(JSON.stringify({ baseUrl: `${base}/v1`, token, email }));
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
