import { expect, test, type APIResponse } from "@playwright/test";
import type { JsonValue } from "../../lib/crypto/canonical-json";
import { deriveMasterKey } from "../../lib/crypto/kdf";
import { deriveVaultSigningPublicKey } from "../../lib/crypto/vault-signing";
import { resignPolicy } from "../../lib/connections/resign-policy";
import { regrantItem, rewrapConnectionKey } from "../../lib/connections/regrant";
import { SIGNED_ACTIONS, signedParams, type SignedAction } from "../../lib/vault/signed-actions";
import { openProviderKey, sealProviderKey, wrapVaultKey } from "../../lib/vault/vault-crypto";
import type { VaultProof } from "../../lib/vault/wire";
import { readConfirmationCode } from "./helpers/accounts";
import { expectFits } from "./helpers/fits";
import { openLocalD1 } from "./helpers/local-d1";
import { addKeyAndToken, createApiPerson, proveAs, QUICK_PARAMS, readConnections, readVault, type ApiPerson } from "./helpers/signed-api";

// Issue 13, "a stolen session cookie can restrict, never loosen" (security model v1.1): every
// request that loosens a limit or replaces vault material needs the vault signing key's
// signature over {action, accountId, params, nonce} with a single-use nonce. For each route:
// the cookie alone, another account's key, a replayed nonce → refused and nothing changed; the
// right signature → done. Restricting (pause, revoke, lower a cap) needs the cookie only.

interface LooseningCase {
  person: ApiPerson;
  other: ApiPerson;
  action: SignedAction;
  /** What the request signs (its body without proof, with the path's ids). */
  params: () => JsonValue;
  send: (proof: VaultProof | undefined) => Promise<APIResponse>;
  /** A snapshot of what a refused request must leave unchanged. */
  state: () => Promise<string>;
  /** After the signed request succeeded: puts things back (with the cookie alone) so a replay would change them again. */
  restore?: () => Promise<void>;
}

async function expectRefused(response: APIResponse): Promise<void> {
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: { field?: string } }).error.field).toBe("proof");
}

async function checkLoosening({ person, other, action, params, send, state, restore }: LooseningCase): Promise<void> {
  const before = await state();
  // The session cookie alone.
  await expectRefused(await send(undefined));
  expect(await state()).toBe(before);
  // Signed by another account's vault key (with a nonce of this account's session).
  await expectRefused(await send(await proveAs({ person, action, params: params(), key: other.vaultKey })));
  expect(await state()).toBe(before);
  // Signed over other parameters than those sent.
  await expectRefused(await send(await proveAs({ person, action, params: { tampered: true } })));
  expect(await state()).toBe(before);
  // The right signature: done.
  const good = await proveAs({ person, action, params: params() });
  const done = await send(good);
  expect(done.ok(), await done.text()).toBe(true);
  expect(await state()).not.toBe(before);
  await restore?.();
  const restored = await state();
  // The same nonce again: refused, nothing changed.
  await expectRefused(await send(good));
  expect(await state()).toBe(restored);
}

test.describe.serial("loosening needs the vault's signature; restricting needs the session only", () => {
  let alice: ApiPerson;
  let bob: ApiPerson;
  let connectionId: string;
  let itemId: string;

  test.beforeAll(async ({ browser, baseURL }) => {
    alice = await createApiPerson({ browser, baseURL: baseURL!, label: "signer" });
    bob = await createApiPerson({ browser, baseURL: baseURL!, label: "other-signer" });
    ({ connectionId, itemId } = await addKeyAndToken({ person: alice }));
  });
  test.afterAll(async () => {
    await Promise.all([alice?.page.close(), bob?.page.close()]);
  });

  const cap = async () => String((await readConnections(alice)).accountCapMicroUsd);
  const setCap = (monthlyCapUsd: number | null, proof?: VaultProof) => alice.call("PUT", "/api/account", { monthlyCapUsd, ...(proof ? { proof } : {}) });
  const connection = async () => (await readConnections(alice)).connections.find((c) => c.id === connectionId)!;

  test("the account cap: set and lowered with the session alone; raised or removed only when signed", async () => {
    expect((await setCap(10)).status()).toBe(200);
    expect(await cap()).toBe("10000000");
    expect((await setCap(5)).status()).toBe(200);
    expect(await cap()).toBe("5000000");
    await checkLoosening({ person: alice, other: bob, action: SIGNED_ACTIONS.setAccountCap, params: () => signedParams({ body: { monthlyCapUsd: 20 } }), send: (proof) => setCap(20, proof), state: cap, restore: async () => void (await setCap(5)) });
    await checkLoosening({ person: alice, other: bob, action: SIGNED_ACTIONS.setAccountCap, params: () => signedParams({ body: { monthlyCapUsd: null } }), send: (proof) => setCap(null, proof), state: cap, restore: async () => void (await setCap(5)) });
    expect(await cap()).toBe("5000000");
  });

  test("a paused connection: paused with the session alone, resumed only when signed", async ({ baseURL }) => {
    const pause = () => alice.call("POST", `/api/connections/${connectionId}/pause`);
    expect((await pause()).status()).toBe(204);
    expect((await connection()).status).toBe("paused");
    await checkLoosening({
      person: alice,
      other: bob,
      action: SIGNED_ACTIONS.resumeConnection,
      params: () => signedParams({ body: {}, ids: { connectionId } }),
      send: (proof) => (proof ? alice.call("POST", `/api/connections/${connectionId}/resume`, { proof }) : alice.page.request.post(`/api/connections/${connectionId}/resume`, { headers: { origin: baseURL! } })),
      state: async () => (await connection()).status,
      restore: async () => void (await pause()),
    });
    // A proof made for another connection does not resume this one.
    const proof = await proveAs({ person: alice, action: SIGNED_ACTIONS.resumeConnection, params: signedParams({ body: {}, ids: { connectionId: "0".repeat(32) } }) });
    await expectRefused(await alice.call("POST", `/api/connections/${connectionId}/resume`, { proof }));
    expect((await connection()).status).toBe("paused");
  });

  test("new connection limits (MACed with the connection's key) are signed with the vault key too: an old policy cannot be replayed", async () => {
    const current = await connection();
    const looser = resignPolicy({ userId: alice.userId, vaultKey: alice.vaultKey, connection: current, policy: { ...current.policy, budgetUsd: 50, rpm: 600 } });
    await checkLoosening({
      person: alice,
      other: bob,
      action: SIGNED_ACTIONS.setConnectionPolicy,
      params: () => signedParams({ body: looser, ids: { connectionId } }),
      send: (proof) => alice.call("POST", `/api/connections/${connectionId}/policy`, { ...looser, ...(proof ? { proof } : {}) }),
      state: async () => JSON.stringify((await connection()).policy),
    });
    expect((await connection()).policy).toMatchObject({ budgetUsd: 50, rpm: 600 });
  });

  test("a replaced provider key (vault material) is signed", async () => {
    const { items } = await readVault(alice);
    const item = items.find((i) => i.id === itemId)!;
    const secret = `${"sk-proj-Repl4c3d".repeat(3)}WXYZ`;
    const body = {
      sealedKey: sealProviderKey({ userId: alice.userId, vaultKey: alice.vaultKey, itemId, provider: "openai", keyVersion: item.keyVersion + 1, secret }),
      keyVersion: item.keyVersion + 1,
      expectedVersion: item.version,
      grants: regrantItem({ userId: alice.userId, vaultKey: alice.vaultKey, connections: (await readConnections(alice)).connections, itemId, keyVersion: item.keyVersion + 1, secret }),
    };
    await checkLoosening({
      person: alice,
      other: bob,
      action: SIGNED_ACTIONS.replaceItemKey,
      params: () => signedParams({ body, ids: { itemId } }),
      send: (proof) => alice.call("PUT", `/api/vault/items/${itemId}`, { ...body, ...(proof ? { proof } : {}) }),
      state: async () => JSON.stringify((await readVault(alice)).items),
    });
    const after = (await readVault(alice)).items.find((i) => i.id === itemId)!;
    expect(openProviderKey({ userId: alice.userId, vaultKey: alice.vaultKey, item: after })).toBe(secret);
  });

  test("a password change (VK re-wrapped) is signed", async () => {
    const { vault } = await readVault(alice);
    const body = { ...(await wrapVaultKey({ userId: alice.userId, vaultKey: alice.vaultKey, password: "a new 93 password meadow", params: QUICK_PARAMS, deriveKey: deriveMasterKey })), expectedVersion: vault.version };
    await checkLoosening({
      person: alice,
      other: bob,
      action: SIGNED_ACTIONS.rewrapVault,
      params: () => signedParams({ body }),
      send: (proof) => alice.call("PUT", "/api/vault", { ...body, ...(proof ? { proof } : {}) }),
      state: async () => JSON.stringify((await readVault(alice)).vault),
    });
    expect((await readVault(alice)).vault.wrappedVaultKey).toBe(body.wrappedVaultKey);
  });

  test("vault key rotation is signed with the old key and installs the new one's public key", async () => {
    const { vault, items } = await readVault(alice);
    const newKey = crypto.getRandomValues(new Uint8Array(32));
    const live = (await readConnections(alice)).connections.filter((c) => c.status !== "revoked" && c.ckVault);
    const body = {
      ...(await wrapVaultKey({ userId: alice.userId, vaultKey: newKey, password: alice.password, params: QUICK_PARAMS, deriveKey: deriveMasterKey })),
      expectedVersion: vault.version,
      signingPublicKey: deriveVaultSigningPublicKey(newKey),
      items: items.map((item) => ({ id: item.id, expectedVersion: item.version, sealedKey: sealProviderKey({ userId: alice.userId, vaultKey: newKey, itemId: item.id, provider: item.provider, keyVersion: item.keyVersion, secret: openProviderKey({ userId: alice.userId, vaultKey: alice.vaultKey, item }) }) })),
      connections: live.map((c) => ({ id: c.id, ckVault: rewrapConnectionKey({ userId: alice.userId, connectionId: c.id, ckVault: c.ckVault!, from: alice.vaultKey, to: newKey }) })),
    };
    await checkLoosening({
      person: alice,
      other: bob,
      action: SIGNED_ACTIONS.rotateVault,
      params: () => signedParams({ body }),
      send: (proof) => alice.call("PATCH", "/api/vault", { ...body, ...(proof ? { proof } : {}) }),
      state: async () => JSON.stringify(await readVault(alice)),
    });
    expect((await readVault(alice)).vault.signingPublicKey).toBe(deriveVaultSigningPublicKey(newKey));
    // From now on the old key's signature is another vault's: refused; the new one's works.
    await expectRefused(await setCap(30, await proveAs({ person: alice, action: SIGNED_ACTIONS.setAccountCap, params: { monthlyCapUsd: 30 } })));
    alice.vaultKey = newKey;
    expect((await setCap(30, await proveAs({ person: alice, action: SIGNED_ACTIONS.setAccountCap, params: { monthlyCapUsd: 30 } }))).status()).toBe(200);
  });

  test("restricting needs the session alone: pause, lower the cap, revoke", async () => {
    expect((await setCap(1)).status()).toBe(200);
    expect(await cap()).toBe("1000000");
    expect((await alice.call("POST", `/api/connections/${connectionId}/pause`)).status()).toBe(204);
    expect((await alice.call("POST", `/api/connections/${connectionId}/revoke`)).status()).toBe(204);
    expect((await connection()).status).toBe("revoked");
  });
});

test.describe("a vault made before signed changes", () => {
  test("gets its signing key on the next unlock, confirmed with a fresh emailed code; a session alone cannot install one", async ({ browser, baseURL }) => {
    const carol = await createApiPerson({ browser, baseURL: baseURL!, label: "legacy" });
    const dave = await createApiPerson({ browser, baseURL: baseURL!, label: "legacy-other" });
    const db = openLocalD1();
    try {
      db.prepare("UPDATE vaults SET signing_public_key = NULL WHERE user_id = ?").run(carol.userId);
    } finally {
      db.close();
    }
    const storedKey = async () => (await readVault(carol)).vault.signingPublicKey;
    const thief = crypto.getRandomValues(new Uint8Array(32));
    const install = (signingPublicKey: string, emailCode: string) => carol.call("PUT", "/api/vault/signing-key", { signingPublicKey, emailCode });

    // Nothing loosens until it is confirmed, signed or not.
    const refused = await carol.call("PUT", "/api/account", { monthlyCapUsd: null, proof: await proveAs({ person: carol, action: SIGNED_ACTIONS.setAccountCap, params: { monthlyCapUsd: null } }) });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("confirm it with the code we email you");
    // The session alone cannot install a key: no code, a guessed code, another purpose's code, another account's code.
    expect((await install(deriveVaultSigningPublicKey(thief), "ABCD-EFGH")).status()).toBe(403);
    expect((await carol.call("POST", "/api/account/confirmations", { purpose: "vault_reset" })).status()).toBe(202);
    expect((await install(deriveVaultSigningPublicKey(thief), await readConfirmationCode(browser, carol.email, baseURL!))).status()).toBe(403);
    expect((await dave.call("POST", "/api/account/confirmations", { purpose: "vault_signing_key" })).status()).toBe(202);
    expect((await install(deriveVaultSigningPublicKey(thief), await readConfirmationCode(browser, dave.email, baseURL!))).status()).toBe(403);
    expect(await storedKey()).toBeNull();

    // The owner unlocks in the browser: asked to confirm with an emailed code, then it is done.
    const page = carol.page;
    await page.goto("/dashboard/vault");
    await page.getByLabel("Master password", { exact: true }).fill(carol.password);
    await page.getByRole("button", { name: "Unlock" }).click();
    const confirm = page.getByRole("form", { name: "Confirm your vault" });
    await expect(confirm).toBeVisible({ timeout: 30_000 });
    // Its old Argon2id parameters are not upgraded yet: that re-wrap is signed.
    expect((await readVault(carol)).vault.kdfParams).toEqual(QUICK_PARAMS);
    await confirm.getByRole("button", { name: "Email me a code" }).click();
    await confirm.getByLabel("Code from the email").fill(await readConfirmationCode(browser, carol.email, baseURL!));
    await confirm.getByRole("button", { name: "Confirm vault" }).click();
    await expect(confirm).toBeHidden();
    expect(await storedKey()).toBe(deriveVaultSigningPublicKey(carol.vaultKey));
    // Confirmed once, never replaced with a code.
    expect((await carol.call("POST", "/api/account/confirmations", { purpose: "vault_signing_key" })).status()).toBe(202);
    expect((await install(deriveVaultSigningPublicKey(thief), await readConfirmationCode(browser, carol.email, baseURL!))).status()).toBe(409);
    // The next unlock upgrades the parameters, signed.
    await page.reload();
    await page.getByLabel("Master password", { exact: true }).fill(carol.password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(page.getByTestId("vault-status")).toHaveText("Unlocked", { timeout: 30_000 });
    expect((await readVault(carol)).vault.kdfParams).toEqual({ m: 65536, t: 3, p: 4 });
    await Promise.all([carol.page.close(), dave.page.close()]);
  });
});

/** A new vault for `person` as the browser makes one (QUICK_PARAMS): its key and what the reset request carries. */
async function newVaultFor(person: ApiPerson, password = "harbor quartz 58 meadow lantern"): Promise<{ key: Uint8Array; material: Record<string, unknown> }> {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const wrapped = await wrapVaultKey({ userId: person.userId, vaultKey: key, password, params: QUICK_PARAMS, deriveKey: deriveMasterKey });
  return { key, material: { ...wrapped, signingPublicKey: deriveVaultSigningPublicKey(key) } };
}

test.describe("what even a signature cannot do: reset the vault or delete the account without a fresh emailed code", () => {
  test("vault reset and account deletion", async ({ browser, baseURL }) => {
    const erin = await createApiPerson({ browser, baseURL: baseURL!, label: "reset" });
    const frank = await createApiPerson({ browser, baseURL: baseURL!, label: "reset-other" });
    const { key: newKey, material } = await newVaultFor(erin);
    const reset = (emailCode: string) => erin.call("PUT", "/api/account/vault", { ...material, revokeConnections: true, emailCode });
    const remove = (emailCode: string) => erin.call("DELETE", "/api/account", { confirmEmail: erin.email, emailCode });
    const before = JSON.stringify(await readVault(erin));

    expect((await reset("ABCD-EFGH")).status()).toBe(403);
    expect((await remove("ABCD-EFGH")).status()).toBe(403);
    // Another account's code, and this account's code for the other action.
    expect((await frank.call("POST", "/api/account/confirmations", { purpose: "vault_reset" })).status()).toBe(202);
    expect((await reset(await readConfirmationCode(browser, frank.email, baseURL!))).status()).toBe(403);
    expect((await erin.call("POST", "/api/account/confirmations", { purpose: "account_delete" })).status()).toBe(202);
    const deleteCode = await readConfirmationCode(browser, erin.email, baseURL!);
    expect((await reset(deleteCode)).status()).toBe(403);
    expect(JSON.stringify(await readVault(erin))).toBe(before);

    expect((await erin.call("POST", "/api/account/confirmations", { purpose: "vault_reset" })).status()).toBe(202);
    const resetCode = await readConfirmationCode(browser, erin.email, baseURL!);
    // The old reset (delete only, leaving no vault) is gone, and does not use up the code.
    expect((await erin.call("DELETE", "/api/account/vault", { revokeConnections: true, emailCode: resetCode })).status()).toBe(404);
    const done = await reset(resetCode);
    expect(done.status()).toBe(200);
    expect(((await done.json()) as { vault: { signingPublicKey: string } }).vault.signingPublicKey).toBe(deriveVaultSigningPublicKey(newKey));
    expect((await readVault(erin)).vault.signingPublicKey).toBe(deriveVaultSigningPublicKey(newKey));
    // Used up: the same code does nothing twice.
    expect((await reset(resetCode)).status()).toBe(403);

    // The delete code asked for before is still the live one for deletion.
    expect((await remove(deleteCode)).status()).toBe(200);
    expect((await erin.call("GET", "/api/vault")).status()).toBe(401);
    await Promise.all([erin.page.close(), frank.page.close()]);
  });
});

test.describe("a vault reset that keeps connections (decision 024)", () => {
  test("leaves no moment for a session alone to install a signing key; the owner's new vault signs", async ({ browser, baseURL }, testInfo) => {
    const hana = await createApiPerson({ browser, baseURL: baseURL!, label: "reset-keep" });
    const { connectionId } = await addKeyAndToken({ person: hana, name: "Kept bot" });
    expect((await hana.call("POST", `/api/connections/${connectionId}/pause`)).status()).toBe(204);
    const status = async () => (await readConnections(hana)).connections.find((c) => c.id === connectionId)!.status;
    const oldKey = hana.vaultKey;

    // The owner resets, keeping connections: one request, the new vault in it.
    const owner = await newVaultFor(hana);
    expect((await hana.call("POST", "/api/account/confirmations", { purpose: "vault_reset" })).status()).toBe(202);
    const done = await hana.call("PUT", "/api/account/vault", { ...owner.material, revokeConnections: false, emailCode: await readConfirmationCode(browser, hana.email, baseURL!) });
    expect(done.status(), await done.text()).toBe(200);
    expect(((await done.json()) as { revoked: number }).revoked).toBe(0);
    expect(await status()).toBe("paused");

    // Someone with only the session cookie: POST /api/vault is refused, the owner's key stays.
    const thief = await newVaultFor(hana, "thief chose 77 another password");
    const refused = await hana.call("POST", "/api/vault", thief.material);
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("already have a vault");
    expect((await readVault(hana)).vault.signingPublicKey).toBe(deriveVaultSigningPublicKey(owner.key));
    // Nor can it loosen: the kept, paused connection is not resumed with the thief's key, the old vault's key or no signature.
    const resume = (proof?: VaultProof) => hana.call("POST", `/api/connections/${connectionId}/resume`, proof ? { proof } : {});
    const params = signedParams({ body: {}, ids: { connectionId } });
    await expectRefused(await resume());
    await expectRefused(await resume(await proveAs({ person: hana, action: SIGNED_ACTIONS.resumeConnection, params, key: thief.key })));
    await expectRefused(await resume(await proveAs({ person: hana, action: SIGNED_ACTIONS.resumeConnection, params, key: oldKey })));
    expect(await status()).toBe("paused");
    // Even if the vault row were gone (an account reset before decision 024), the session alone makes none.
    const db = openLocalD1();
    try {
      db.prepare("DELETE FROM vaults WHERE user_id = ?").run(hana.userId);
    } finally {
      db.close();
    }
    const stillRefused = await hana.call("POST", "/api/vault", thief.material);
    expect(stillRefused.status()).toBe(409);
    expect(((await stillRefused.json()) as { error: { message: string } }).error.message).toContain("Your vault was reset");
    expect(((await (await hana.call("GET", "/api/vault")).json()) as { vault: unknown; hadVault: boolean })).toMatchObject({ vault: null, hadVault: true });

    // The owner, in the browser: the Vault page asks for the emailed code and a new password (never "Create your vault"),
    // and the new vault, open at once, signs the resume of the kept connection.
    const page = hana.page;
    const password = "lantern copper 64 orchard tide";
    await page.goto("/dashboard/vault");
    await expect(page.getByRole("heading", { name: "Create your new vault" })).toBeVisible();
    const form = page.getByRole("form", { name: "Reset vault" });
    await form.getByRole("button", { name: "Email me a code" }).click();
    await form.getByLabel("Code from the email").fill(await readConfirmationCode(browser, hana.email, baseURL!));
    await form.getByLabel("New master password", { exact: true }).fill(password);
    await form.getByLabel("New master password again").fill(password);
    await expect(form.locator(".strength-label")).toHaveText(/Strong|Very strong/);
    await expectFits(page, testInfo, "new-vault-after-reset");
    await form.getByRole("button", { name: "Reset my vault" }).click();
    await expect(page.getByTestId("vault-status")).toHaveText("Unlocked", { timeout: 30_000 });
    await page.getByRole("link", { name: "Tokens", exact: true }).click();
    const row = page.getByTestId("connection-row").filter({ hasText: "Kept bot" });
    await expect(row).toHaveAttribute("data-status", "paused");
    await row.getByRole("button", { name: "Resume" }).click();
    await expect(row).toHaveAttribute("data-status", "active");
    expect(await status()).toBe("active");
    await page.close();
  });
});

test.describe("the dashboard signs invisibly while the vault is unlocked, and asks to unlock when it is not", () => {
  test("raising the account cap and resuming a token", async ({ browser, baseURL }) => {
    const gina = await createApiPerson({ browser, baseURL: baseURL!, label: "ui-signer" });
    const { connectionId } = await addKeyAndToken({ person: gina, name: "UI bot" });
    const page = gina.page;

    await page.goto("/dashboard/connections");
    const limits = page.getByRole("region", { name: "Account limits" });
    await limits.getByLabel("Monthly cap for the whole account (USD)").fill("10");
    await limits.getByRole("button", { name: "Save cap" }).click();
    await expect(limits.getByRole("status")).toContainText("Account cap set to $10.00");
    // Locked: raising is refused in the page, with what to do.
    await limits.getByLabel("Monthly cap for the whole account (USD)").fill("25");
    await limits.getByRole("button", { name: "Save cap" }).click();
    await expect(limits.getByRole("alert")).toContainText("Unlock your vault to raise or remove the cap");
    expect((await readConnections(gina)).accountCapMicroUsd).toBe(10_000_000);
    // Unlocked: the same click signs the change, nothing else to do.
    await page.getByText("Unlock your vault to raise a limit or resume an app").click();
    await page.getByLabel("Master password", { exact: true }).fill(gina.password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(page.getByText("Unlock your vault to raise a limit or resume an app")).toBeHidden({ timeout: 30_000 });
    await limits.getByLabel("Monthly cap for the whole account (USD)").fill("25");
    await limits.getByRole("button", { name: "Save cap" }).click();
    await expect(limits.getByRole("status")).toContainText("Account cap set to $25.00");
    expect((await readConnections(gina)).accountCapMicroUsd).toBe(25_000_000);

    // Tokens: pause works locked; resume asks to unlock, then is signed.
    await page.reload();
    await page.getByRole("link", { name: "Tokens", exact: true }).click();
    const row = page.getByTestId("connection-row").filter({ hasText: "UI bot" });
    await row.getByRole("button", { name: "Pause" }).click();
    await expect(row).toHaveAttribute("data-status", "paused");
    await expect(row.getByRole("button", { name: "Resume" })).toBeDisabled();
    await page.getByLabel("Master password", { exact: true }).fill(gina.password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(row.getByRole("button", { name: "Resume" })).toBeEnabled({ timeout: 30_000 });
    await row.getByRole("button", { name: "Resume" }).click();
    await expect(row).toHaveAttribute("data-status", "active");
    expect((await readConnections(gina)).connections.find((c) => c.id === connectionId)!.status).toBe("active");
    await page.close();
  });
});
