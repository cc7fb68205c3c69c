import { expect, type CDPSession, type Page } from "@playwright/test";
import { openLocalD1 } from "./local-d1";

// Chromium's virtual authenticator (CDP WebAuthn domain) for passkey tests: a platform-like
// authenticator (CTAP2, internal transport, discoverable credentials, user verification that
// succeeds) with or without the PRF extension, attached to one page.

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
}

export async function addVirtualAuthenticator(page: Page, { prf = true }: { prf?: boolean } = {}): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true, hasPrf: prf },
  });
  return { cdp, authenticatorId };
}

/** The credentials the authenticator holds (their ids, base64url, and signature counters). */
export async function storedCredentials({ cdp, authenticatorId }: VirtualAuthenticator): Promise<{ credentialId: string; signCount: number }[]> {
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  return credentials.map((c) => ({ credentialId: Buffer.from(c.credentialId, "base64").toString("base64url"), signCount: c.signCount }));
}

/** Settings → Passkeys → Add, with `name` (the vault unlocked: client-side navigation keeps it so); waits for the confirmation. */
export async function addPasskeyInSettings(page: Page, name: string): Promise<void> {
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
  const form = page.getByRole("form", { name: "Add a passkey" });
  await form.getByLabel("Passkey name").fill(name);
  await form.getByRole("button", { name: "Add a passkey" }).click();
  await expect(form.getByRole("status")).toHaveText(`Passkey “${name}” added: use it to sign in and to unlock your vault.`, { timeout: 30_000 });
}

export interface PasskeyRow {
  credential_id: string;
  user_id: string;
  name: string;
  public_key: string;
  sign_count: number;
  prf_salt: string;
  wrapped_vault_key: string;
  created_at: number;
  last_used_at: number | null;
}

/** The account's stored passkey rows. */
export function readPasskeyRows(userId: string): PasskeyRow[] {
  const db = openLocalD1();
  try {
    return db.prepare("SELECT * FROM passkeys WHERE user_id = ? ORDER BY created_at").all(userId) as unknown as PasskeyRow[];
  } finally {
    db.close();
  }
}

export function readUserId(email: string): string {
  const db = openLocalD1();
  try {
    return (db.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: string }).id;
  } finally {
    db.close();
  }
}

/**
 * The PRF output for a stored passkey, evaluated the way any WebAuthn client would (a get() on
 * the page with the stored salt): what the independent decryptor gets, instead of the product's code.
 */
export async function evaluatePrf(page: Page, { credentialId, prfSalt }: { credentialId: string; prfSalt: string }): Promise<Uint8Array> {
  const b64 = await page.evaluate(async ({ credentialId, prfSalt }) => {
    const bytes = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const credential = (await navigator.credentials.get({
      publicKey: {
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        rpId: location.hostname,
        userVerification: "required",
        allowCredentials: [{ type: "public-key", id: bytes(credentialId) }],
        extensions: { prf: { evalByCredential: { [credentialId]: { first: bytes(prfSalt) } } } },
      },
    })) as PublicKeyCredential;
    const first = credential.getClientExtensionResults().prf?.results?.first as ArrayBuffer | undefined;
    return first ? btoa(String.fromCharCode(...new Uint8Array(first))) : null;
  }, { credentialId, prfSalt });
  if (!b64) throw new Error("the authenticator gave no PRF output");
  return new Uint8Array(Buffer.from(b64, "base64"));
}

/** Every text form in which bytes could cross the wire: hex (both cases), base64, base64url, padded or not. */
export function byteForms(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  const base64 = buffer.toString("base64");
  return [...new Set([buffer.toString("hex"), buffer.toString("hex").toUpperCase(), base64, base64.replace(/=+$/, ""), buffer.toString("base64url"), JSON.stringify(Array.from(bytes)).slice(1, -1)])];
}
