// The benchmark's account (scripts/local-account): signs up through the local mailbox,
// creates a vault with one OpenAI key (a placeholder: the fake accepts any key) and makes two
// tokens for it: one with no budget and no rpm limit, one
// with a monthly budget (so the reservation and settlement of decision 008 are measured).
import { buildTokenConnection } from "../../lib/connections/build-connection";
import { addProviderKey, createLocalAccount } from "../local-account/local-account";

export interface BenchTokens {
  email: string;
  apiKey: string;
  unlimited: string;
  budget: string;
  budgetUsd: number;
}

export async function makeBenchTokens({ base, budgetUsd = 1000 }: { base: string; budgetUsd?: number }): Promise<BenchTokens> {
  const email = `bench-${Date.now().toString(36)}@example.com`;
  const account = await createLocalAccount({ base, email });
  const { call, userId, vaultKey } = account;
  const apiKey = `sk-proj-bench${"0".repeat(40)}`;
  const grants = [await addProviderKey({ account, provider: "openai", label: "Bench OpenAI", secret: apiKey })];

  const makeToken = async (name: string, limit: number | null) => {
    const { token, body } = buildTokenConnection({
      userId,
      vaultKey,
      name,
      grants,
      policy: { v: 1, providers: ["openai"], models: [], budgetUsd: limit, rpm: null, expiresAt: null },
    });
    await call("/api/connections", { method: "POST", json: body });
    return token;
  };
  const unlimited = await makeToken("Bench: no limits", null);
  const budget = await makeToken("Bench: budget", budgetUsd);
  vaultKey.fill(0);
  return { email, apiKey, unlimited, budget, budgetUsd };
}
