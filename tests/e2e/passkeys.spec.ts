import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { startAuthorization } from "../../lib/connect/app-client";
import { signVaultRequest } from "../../lib/crypto/vault-signing";
import { SIGNED_ACTIONS, signedParams } from "../../lib/vault/signed-actions";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { captureProbe, PROBE_REDIRECT, registerApp } from "./helpers/connect-flow";
import { decryptStoredItems, openPasskeyWrappedVaultKey, openStoredVaultKey, derivePasskeyKey } from "./helpers/independent-decryptor";
import { openLocalD1 } from "./helpers/local-d1";
import { addPasskeyInSettings, addVirtualAuthenticator, byteForms, evaluatePrf, readPasskeyRows, readUserId } from "./helpers/passkeys";
import { findLeak, recordRequests, type RecordedRequest } from "./helpers/request-recorder";
import { addKey, createVault, fakeKeys, unlockVault } from "./helpers/vault-ui";

// Issue 20: a passkey (Chromium's virtual authenticator, with the PRF extension) signs in and
// unlocks the vault, end to end; the PRF output, the key derived from it and the vault key never
// leave the page; rotation re-wraps it, removal takes it away; an authenticator without PRF is
// refused. Sign-in is verified by the server (decision 020).

const PASSWORD = "lantern orchard 64 velvet summit";
const NEW_PASSWORD = "copper violet 29 meadow harbor";

function vaultRow(userId: string) {
  const db = openLocalD1();
  try {
    return {
      vault: db.prepare("SELECT salt, kdf_params, wrapped_vault_key FROM vaults WHERE user_id = ?").get(userId) as { salt: string; kdf_params: string; wrapped_vault_key: string },
      items: db.prepare("SELECT id, provider, key_version, sealed_key FROM vault_items WHERE user_id = ?").all(userId) as { id: string; provider: string; key_version: number; sealed_key: string }[],
    };
  } finally {
    db.close();
  }
}

function signInMailCount(email: string): number {
  const db = openLocalD1();
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM dev_mailbox WHERE to_address = ? AND subject = 'Sign in to 1Relay'").get(email) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The passkey's PRF output, PRK and the VK it opens, found independently of the product's code. */
async function secretsOfPasskey(page: Page, userId: string) {
  const [row] = readPasskeyRows(userId);
  const prfOutput = await evaluatePrf(page, { credentialId: row!.credential_id, prfSalt: row!.prf_salt });
  const prk = await derivePasskeyKey({ prfOutput, credentialId: row!.credential_id });
  const vaultKey = await openPasskeyWrappedVaultKey({ userId, credentialId: row!.credential_id, prfOutput, wrappedVaultKey: row!.wrapped_vault_key });
  return { row: row!, prfOutput, prk, vaultKey };
}

function expectNoLeak(requests: RecordedRequest[], secrets: Uint8Array[]): void {
  expect(findLeak(requests, secrets.flatMap(byteForms))).toBeNull();
}

async function lockFromHeader(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Lock vault" }).first().click();
}

test.describe.serial("passkeys: sign in and unlock with a touch", () => {
  let context: BrowserContext;
  let page: Page;
  let email: string;
  let userId: string;
  /** Every request from the first passkey on: checked after the unlock, and again after the rotation. */
  let recorder: ReturnType<typeof recordRequests>;

  test.beforeAll(async ({ browser, baseURL }) => {
    context = await browser.newContext({ baseURL });
    page = await context.newPage();
    await addVirtualAuthenticator(page);
    email = uniqueEmail("passkey");
    await signInWithCode(page, browser, email, baseURL!);
    await createVault(page, PASSWORD);
    await addKey(page, "openai", "Passkey OpenAI", fakeKeys.openai);
    userId = readUserId(email);
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("add a passkey, lock, unlock with it: no PRF output, passkey key or vault key leaves the page", async () => {
    recorder = recordRequests(context);
    await addPasskeyInSettings(page, "Test laptop");
    await expect(page.getByTestId("passkey")).toHaveCount(1);
    await expect(page.getByTestId("passkey")).toContainText("Test laptop");
    await expect(page.getByTestId("passkey")).toContainText("not used yet");

    await page.getByRole("link", { name: "Vault", exact: true }).click();
    await expect(page.getByTestId("vault-status")).toHaveText("Unlocked");
    await lockFromHeader(page);
    await expect(page.getByTestId("vault-status")).toHaveText("Locked");
    await expect(page.getByTestId("key-value")).toHaveText("••••••••");
    await page.getByRole("button", { name: "Unlock with a passkey" }).click();
    await expect(page.getByTestId("vault-status")).toHaveText("Unlocked");
    await expect(page.getByTestId("key-value")).toHaveText(`sk-proj-••••${fakeKeys.openai.slice(-4)}`);

    // The server recorded the verified use (and the counter the authenticator presented).
    await expect.poll(() => readPasskeyRows(userId)[0]?.last_used_at ?? null).not.toBeNull();
    expect(readPasskeyRows(userId)[0]!.sign_count).toBeGreaterThan(0);

    // What the browser sent is what the recorder saw: the registration and the envelope.
    await recorder.settle();
    const add = recorder.all.find((r) => r.method === "POST" && new URL(r.url).pathname === "/api/passkeys");
    expect(add?.body).toMatch(/"wrappedVaultKey":"v1\.[A-Za-z0-9_-]{16}\./);
    expect(add?.body).toContain('"proof":{"nonce"');
    expect(recorder.all.some((r) => new URL(r.url).pathname === "/api/passkeys/unlocked")).toBe(true);

    // Independently: the PRF output opens the stored wrap to the same VK as the master password.
    const { prfOutput, prk, vaultKey } = await secretsOfPasskey(page, userId);
    const { vault, items } = vaultRow(userId);
    expect(Buffer.from(vaultKey).equals(Buffer.from(await openStoredVaultKey({ userId, password: PASSWORD, vault })))).toBe(true);
    expect(Object.values(await decryptStoredItems({ userId, vaultKey, items }))).toEqual([fakeKeys.openai]);
    expectNoLeak(recorder.all, [prfOutput, prk, vaultKey]);
  });

  test("sign out, sign in with the passkey (no emailed code), unlock with it", async () => {
    const mails = signInMailCount(email);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText(email);
    expect(signInMailCount(email)).toBe(mails);

    await page.goto("/dashboard/vault");
    await expect(page.getByTestId("vault-status")).toHaveText("Locked");
    await page.getByRole("button", { name: "Unlock with a passkey" }).click();
    await expect(page.getByTestId("vault-status")).toHaveText("Unlocked");

    await page.goto("/dashboard/settings");
    const activity = page.getByTestId("activity");
    await expect(activity).toContainText("Signed in with a passkey: “Test laptop”");
    await expect(activity).toContainText("Passkey added: “Test laptop”");
  });

  test("a new master password leaves the passkey; rotating the vault key re-wraps it once touched", async () => {
    const before = readPasskeyRows(userId)[0]!.wrapped_vault_key;
    await page.goto("/dashboard/settings");
    // A reload starts locked: Settings offers the passkey beside the password.
    await page.getByRole("button", { name: "Unlock with a passkey" }).click();
    await page.getByLabel("Current master password").fill(PASSWORD);
    await page.getByLabel("New master password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("New master password again").fill(NEW_PASSWORD);
    await expect(page.locator(".strength-label")).toHaveText(/Strong|Very strong/);
    await page.getByRole("button", { name: "Change master password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Master password changed." })).toBeVisible({ timeout: 30_000 });
    expect(readPasskeyRows(userId)[0]!.wrapped_vault_key).toBe(before);
    await lockFromHeader(page);
    await page.getByRole("button", { name: "Unlock with a passkey" }).click();
    await expect(page.getByRole("form", { name: "Rotate the vault key" })).toBeVisible();

    const oldVaultKey = (await secretsOfPasskey(page, userId)).vaultKey;
    const rotate = page.getByRole("form", { name: "Rotate the vault key" });
    await expect(rotate.getByTestId("rotation-passkey")).toContainText("will be removed");
    await rotate.getByRole("button", { name: "Touch “Test laptop” to keep it" }).click();
    await expect(rotate.getByTestId("rotation-passkey")).toContainText("Kept");
    await rotate.getByLabel("Master password", { exact: true }).fill(NEW_PASSWORD);
    await rotate.getByRole("button", { name: "Rotate vault key" }).click();
    await expect(rotate.getByRole("status")).toContainText("Vault key rotated", { timeout: 30_000 });

    // The stored copy changed and opens, with the PRF output alone, to the new VK: the password's.
    const after = await secretsOfPasskey(page, userId);
    expect(after.row.wrapped_vault_key).not.toBe(before);
    expect(Buffer.from(after.vaultKey).equals(Buffer.from(oldVaultKey))).toBe(false);
    const { vault, items } = vaultRow(userId);
    expect(Buffer.from(after.vaultKey).equals(Buffer.from(await openStoredVaultKey({ userId, password: NEW_PASSWORD, vault })))).toBe(true);
    expect(Object.values(await decryptStoredItems({ userId, vaultKey: after.vaultKey, items }))).toEqual([fakeKeys.openai]);

    await page.goto("/dashboard/vault");
    await expect(page.getByTestId("vault-status")).toHaveText("Locked");
    await page.getByRole("button", { name: "Unlock with a passkey" }).click();
    await expect(page.getByTestId("vault-status")).toHaveText("Unlocked");
    await expect(page.getByTestId("key-value")).toHaveText(`sk-proj-••••${fakeKeys.openai.slice(-4)}`);
    await page.goto("/dashboard/settings");
    await expect(page.getByTestId("activity")).toContainText("Vault key rotated: (1 passkey re-wrapped)");

    // Signing in, unlocking, touching to keep and rotating sent none of them either, old or new.
    await recorder.settle();
    expect(recorder.all.some((r) => new URL(r.url).pathname === "/api/passkeys/sign-in")).toBe(true);
    const rotation = recorder.all.find((r) => r.method === "PATCH" && new URL(r.url).pathname === "/api/vault");
    expect(rotation?.body).toContain(`"passkeys":[{"credentialId":"${after.row.credential_id}","wrappedVaultKey":"${after.row.wrapped_vault_key}"}]`);
    expectNoLeak(recorder.all, [after.prfOutput, after.prk, after.vaultKey, oldVaultKey]);
  });

  test("the consent page: sign in with the passkey, unlock with it, approve", async ({ baseURL }) => {
    const clientId = await registerApp(page, baseURL!, { name: "Passkey app", redirectUris: [PROBE_REDIRECT] });
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    const { url } = startAuthorization({ baseUrl: baseURL!, clientId, redirectUri: PROBE_REDIRECT, scope: "openai", display: "page" });
    const probe = await captureProbe(page);
    await page.goto(url);
    const signIn = page.getByRole("region", { name: "Sign in to 1Relay" });
    await signIn.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
    await page.getByRole("button", { name: "Unlock with a passkey" }).click();
    const form = page.getByRole("form", { name: "Authorize this app" });
    await expect(form).toBeVisible();
    await form.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => probe()?.searchParams.get("code") ?? null).not.toBeNull();
    await page.unroute(`${PROBE_REDIRECT}**`);
  });

  test("another account cannot read, use or remove the passkey; a stolen session cannot add one; responses are single-use", async ({ browser, baseURL }) => {
    const [row] = readPasskeyRows(userId);
    await page.goto("/dashboard/settings"); // back on our origin after the app's callback
    const other = await browser.newPage({ baseURL });
    try {
      await signInWithCode(other, browser, uniqueEmail("passkey-other"), baseURL!);
      const call = (method: string, path: string, data?: unknown) => other.request.fetch(path, { method, headers: { origin: baseURL! }, ...(data === undefined ? {} : { data }) });
      expect(((await (await call("GET", "/api/passkeys")).json()) as { passkeys: unknown[] }).passkeys).toEqual([]);
      expect((await call("DELETE", `/api/passkeys/${row!.credential_id}`)).status()).toBe(404);
      expect(readPasskeyRows(userId)).toHaveLength(1);

      // This account's authenticator answers the other account's unlock challenge: refused, it is not theirs.
      const options = (await (await call("POST", "/api/passkeys/challenge", { purpose: "unlock" })).json()) as { challenge: string };
      const assertion = await assertOnPage(page, { challenge: options.challenge, credentialId: row!.credential_id });
      const used = await call("POST", "/api/passkeys/unlocked", { credential: assertion });
      expect(used.status()).toBe(404);

      // A session without a vault signature cannot add a passkey (the registration is checked after the proof).
      const register = (await (await page.request.fetch("/api/passkeys/challenge", { method: "POST", headers: { origin: baseURL! }, data: { purpose: "register" } })).json()) as { challenge: string };
      expect(register.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const forged = { credential: { id: row!.credential_id, clientDataJSON: "e30", attestationObject: "oA" }, name: "Thief", prfSalt: "A".repeat(43), wrappedVaultKey: `v1.${"A".repeat(16)}.${"B".repeat(64)}` };
      const refused = await page.request.fetch("/api/passkeys", { method: "POST", headers: { origin: baseURL! }, data: forged });
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { error: { field: string } }).error.field).toBe("proof");
      // Nor with a fresh nonce signed by a key that is not this vault's.
      const { nonce } = (await (await page.request.fetch("/api/vault/nonce", { method: "POST", headers: { origin: baseURL! } })).json()) as { nonce: string };
      const signature = signVaultRequest({ vaultKey: crypto.getRandomValues(new Uint8Array(32)), action: SIGNED_ACTIONS.addPasskey, accountId: userId, params: signedParams({ body: forged }), nonce });
      const wrongKey = await page.request.fetch("/api/passkeys", { method: "POST", headers: { origin: baseURL! }, data: { ...forged, proof: { nonce, signature } } });
      expect(wrongKey.status()).toBe(403);
      expect(((await wrongKey.json()) as { error: { field: string } }).error.field).toBe("proof");
      expect(readPasskeyRows(userId)).toHaveLength(1);

      // Sign-in: a response answers its own challenge once; an unlock challenge does not sign in.
      const signInChallenge = (await (await other.request.post("/api/passkeys/sign-in/challenge", { headers: { origin: baseURL! } })).json()) as { challenge: string };
      const signInAssertion = await assertOnPage(page, { challenge: signInChallenge.challenge, credentialId: row!.credential_id });
      const first = await other.request.post("/api/passkeys/sign-in", { headers: { origin: baseURL! }, data: { credential: signInAssertion } });
      expect(first.status()).toBe(200);
      expect(((await first.json()) as { next: string }).next).toMatch(/^\/api\/auth\/callback\/email\?/);
      const replay = await other.request.post("/api/passkeys/sign-in", { headers: { origin: baseURL! }, data: { credential: signInAssertion } });
      expect(replay.status()).toBe(403);
      const unlockChallenge = (await (await page.request.fetch("/api/passkeys/challenge", { method: "POST", headers: { origin: baseURL! }, data: { purpose: "unlock" } })).json()) as { challenge: string };
      const wrongPurpose = await other.request.post("/api/passkeys/sign-in", { headers: { origin: baseURL! }, data: { credential: await assertOnPage(page, { challenge: unlockChallenge.challenge, credentialId: row!.credential_id }) } });
      expect(wrongPurpose.status()).toBe(403);
    } finally {
      await other.close();
    }
  });

  test("remove it: the unlock option disappears and it no longer signs in", async () => {
    await page.goto("/dashboard/settings");
    const row = page.getByTestId("passkey").filter({ hasText: "Test laptop" });
    await row.getByRole("button", { name: "Remove" }).click();
    await row.getByRole("button", { name: "Yes, remove" }).click();
    await expect(page.getByTestId("passkey")).toHaveCount(0);
    await expect(page.getByText("No passkeys yet.")).toBeVisible();
    expect(readPasskeyRows(userId)).toEqual([]);
    await page.reload();
    await expect(page.getByTestId("activity")).toContainText("Passkey removed: “Test laptop”");

    await page.goto("/dashboard/vault");
    await expect(page.getByTestId("vault-status")).toHaveText("Locked");
    await expect(page.getByLabel("Master password", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Unlock with a passkey" })).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.locator(".alert.error")).toHaveText("This passkey is not registered with 1Relay (it may have been removed). Sign in with an emailed code instead.");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an authenticator without PRF is refused clearly, and nothing is saved", async ({ browser, baseURL }) => {
    const plain = await browser.newPage({ baseURL });
    try {
      await addVirtualAuthenticator(plain, { prf: false });
      await signInWithCode(plain, browser, email, baseURL!);
      await plain.goto("/dashboard/vault");
      await unlockVault(plain, NEW_PASSWORD);
      await plain.getByRole("link", { name: "Settings", exact: true }).click();
      const form = plain.getByRole("form", { name: "Add a passkey" });
      await form.getByLabel("Passkey name").fill("No PRF key");
      await form.getByRole("button", { name: "Add a passkey" }).click();
      await expect(form.getByRole("alert")).toContainText("This passkey cannot unlock your vault: its authenticator does not support the WebAuthn PRF extension, so it was not saved.");
      expect(readPasskeyRows(userId)).toEqual([]);
      await expect(plain.getByTestId("passkey")).toHaveCount(0);
    } finally {
      await plain.close();
    }
  });
});

/** An assertion by the page's authenticator over a server challenge, as our browser code would send it. */
async function assertOnPage(page: Page, { challenge, credentialId }: { challenge: string; credentialId: string }) {
  return page.evaluate(
    async ({ challenge, credentialId }) => {
      const bytes = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
      const b64url = (b: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      const credential = (await navigator.credentials.get({
        publicKey: { challenge: bytes(challenge), rpId: location.hostname, userVerification: "required", allowCredentials: [{ type: "public-key", id: bytes(credentialId) }] },
      })) as PublicKeyCredential;
      const response = credential.response as AuthenticatorAssertionResponse;
      return {
        id: credential.id,
        clientDataJSON: b64url(response.clientDataJSON),
        authenticatorData: b64url(response.authenticatorData),
        signature: b64url(response.signature),
        userHandle: response.userHandle ? b64url(response.userHandle) : null,
      };
    },
    { challenge, credentialId },
  );
}
