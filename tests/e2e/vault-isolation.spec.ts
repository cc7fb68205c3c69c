import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { openLocalD1 } from "./helpers/local-d1";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

const fakeEnvelope = (seed: string) => `v1.${"A".repeat(15)}${seed}.${"B".repeat(60)}`;

async function snapshotOf(email: string) {
  const db = openLocalD1();
  try {
    const user = db.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: string };
    const vault = db.prepare("SELECT * FROM vaults WHERE user_id = ?").get(user.id);
    const items = db.prepare("SELECT * FROM vault_items WHERE user_id = ? ORDER BY id").all(user.id);
    return JSON.stringify({ vault, items });
  } finally {
    db.close();
  }
}

test.describe("one account cannot read or change another's vault", () => {
  test("every vault route, tried by another signed-in person and by nobody", async ({ browser, baseURL }) => {
    const alice = await browser.newContext({ baseURL });
    const alicePage = await alice.newPage();
    const aliceEmail = uniqueEmail("alice");
    await signInWithCode(alicePage, browser, aliceEmail, baseURL!);
    await createVault(alicePage, "copper meadow 61 violin anchor");
    await addKey(alicePage, "openai", "Alice OpenAI", fakeKeys.openai);
    const aliceState = (await (await alicePage.request.get("/api/vault")).json()) as { items: { id: string; version: number }[]; vault: { version: number } };
    const aliceItem = aliceState.items[0]!;
    const before = await snapshotOf(aliceEmail);

    const bob = await browser.newContext({ baseURL });
    const bobPage = await bob.newPage();
    await signInWithCode(bobPage, browser, uniqueEmail("bob"), baseURL!);
    const api: APIRequestContext = bobPage.request;

    // Reading: Bob sees his own (empty) vault, nothing of Alice's.
    const bobView = await (await api.get("/api/vault")).json();
    expect(bobView.vault).toBeNull();
    expect(bobView.items).toEqual([]);
    expect(JSON.stringify(bobView)).not.toContain(aliceItem.id);

    // Changing Alice's items by id: not found for Bob, whether or not he has a vault.
    const tries = async () => {
      expect((await api.put(`/api/vault/items/${aliceItem.id}`, { data: { label: "pwned", expectedVersion: aliceItem.version } })).status()).toBe(404);
      // Replacing a key needs the vault's signature before anything is looked up.
      expect(
        (await api.put(`/api/vault/items/${aliceItem.id}`, { data: { sealedKey: fakeEnvelope("x"), keyVersion: 2, expectedVersion: aliceItem.version } })).status(),
      ).toBe(403);
      expect((await api.delete(`/api/vault/items/${aliceItem.id}`)).status()).toBe(404);
      expect((await api.post("/api/vault/items", { data: { id: aliceItem.id, provider: "openai", label: "x", sealedKey: fakeEnvelope("y") } })).status()).toBe(409);
    };
    await tries();
    // Re-wrapping "the" vault only ever touches Bob's own: he has none yet (and a re-wrap is signed).
    expect((await api.put("/api/vault", { data: { salt: "A".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: fakeEnvelope("z"), expectedVersion: aliceState.vault.version } })).status()).toBe(403);
    // With a vault of his own, the same attempts still fail.
    expect((await api.post("/api/vault", { data: { salt: "C".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: fakeEnvelope("w"), signingPublicKey: "A".repeat(43) } })).status()).toBe(201);
    await tries();
    // Even his own vault is not re-wrapped on his session alone (tests/e2e/vault-signature.spec.ts).
    expect((await api.put("/api/vault", { data: { salt: "D".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: fakeEnvelope("v"), expectedVersion: 1 } })).status()).toBe(403);

    expect(await snapshotOf(aliceEmail)).toBe(before);
    expect((await (await alicePage.request.get("/api/vault")).json()).items).toEqual(aliceState.items);

    // Signed out: every route answers 401 and changes nothing.
    const anonymous = await browser.newContext({ baseURL });
    const anon = anonymous.request;
    const responses = await Promise.all([
      anon.get("/api/vault"),
      anon.post("/api/vault", { data: { salt: "E".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: fakeEnvelope("u") } }),
      anon.put("/api/vault", { data: { salt: "E".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: fakeEnvelope("u"), expectedVersion: 1 } }),
      anon.post("/api/vault/items", { data: { id: "0".repeat(32), provider: "openai", label: "x", sealedKey: fakeEnvelope("t") } }),
      anon.put(`/api/vault/items/${aliceItem.id}`, { data: { label: "x", expectedVersion: 1 } }),
      anon.delete(`/api/vault/items/${aliceItem.id}`),
    ]);
    expect(responses.map((r) => r.status())).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await snapshotOf(aliceEmail)).toBe(before);
    await Promise.all([alice.close(), bob.close(), anonymous.close()]);
  });

  test("the server refuses weak or malformed vault material", async ({ page, browser, baseURL }) => {
    await signInWithCode(page, browser, uniqueEmail("strict"), baseURL!);
    const api = page.request;
    const good = { salt: "F".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: fakeEnvelope("s"), signingPublicKey: "A".repeat(43) };
    const { signingPublicKey: _noKey, ...withoutSigningKey } = good;
    const bad = [
      // A new vault registers its signing key with it (security model v1.1).
      withoutSigningKey,
      { ...good, signingPublicKey: "A".repeat(42) },
      { ...good, kdfParams: { m: 1024, t: 1, p: 1 } },
      { ...good, salt: "short" },
      { ...good, wrappedVaultKey: "plaintext-key" },
      { ...good, extra: "field" },
    ];
    for (const body of bad) {
      const response = await api.post("/api/vault", { data: body });
      expect(response.status()).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
    expect((await api.post("/api/vault", { data: good })).status()).toBe(201);
    expect((await api.post("/api/vault", { data: good })).status()).toBe(409);
    const plain = await api.post("/api/vault/items", { data: { id: "a".repeat(32), provider: "openai", label: "x", sealedKey: fakeKeys.openai } });
    expect(plain.status()).toBe(400);
  });
});

test("another site cannot write to the vault API from a signed-in browser", async ({ page, browser, baseURL }) => {
  await signInWithCode(page, browser, uniqueEmail("csrf"), baseURL!);
  const response = await page.request.post("/api/vault", {
    headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    data: { salt: "G".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: fakeEnvelope("r") },
  });
  expect(response.status()).toBe(403);
  expect((await (await page.request.get("/api/vault")).json()).vault).toBeNull();
});
