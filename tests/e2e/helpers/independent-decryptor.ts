import { argon2id } from "hash-wasm";

// An independent decryptor for the stored vault: it imports nothing from the project's
// crypto code. From the documented format alone (security model + docs/decisions/005):
//   envelope  = "v1." + b64url(12-byte nonce) + "." + b64url(ciphertext ‖ 16-byte tag)
//   MK        = Argon2id v0x13 (NFKC UTF-8 password, 16-byte salt, m KiB, t, p), 32 bytes
//   vault AAD = "1relay/v1/vault/<userId>/<salt b64url>/m=<m>,t=<t>,p=<p>"
//   item AAD  = "1relay/v1/item/<userId>/<itemId>/<provider>/<keyVersion>"
// and for a passkey (security model v1.1, decision 020):
//   PRK       = HKDF-SHA256(ikm = PRF output, salt = raw credential id, info = "1relay/v1/passkey"), 32 bytes
//   passkey AAD = "1relay/v1/vault-passkey/<userId>/<credentialId b64url>"
// using WebCrypto's AES-GCM and HKDF and hash-wasm's Argon2id.

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(text, "base64url"));
}

async function openEnvelope(key: Uint8Array, envelope: string, aad: string): Promise<Uint8Array> {
  const [version, nonce, sealed] = envelope.split(".");
  if (version !== "v1" || !nonce || !sealed) throw new Error("not a v1 envelope");
  const cryptoKey = await crypto.subtle.importKey("raw", new Uint8Array(key), "AES-GCM", false, ["decrypt"]);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64Url(nonce), additionalData: new TextEncoder().encode(aad), tagLength: 128 },
    cryptoKey,
    fromBase64Url(sealed),
  );
  return new Uint8Array(plain);
}

/** PRK from a passkey's PRF output, with WebCrypto's HKDF. */
export async function derivePasskeyKey({ prfOutput, credentialId }: { prfOutput: Uint8Array; credentialId: string }): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey("raw", new Uint8Array(prfOutput), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: fromBase64Url(credentialId), info: new TextEncoder().encode("1relay/v1/passkey") }, ikm, 256);
  return new Uint8Array(bits);
}

/** VK from a passkey's stored wrap, knowing only its PRF output (and the public row). */
export async function openPasskeyWrappedVaultKey({ userId, credentialId, prfOutput, wrappedVaultKey }: { userId: string; credentialId: string; prfOutput: Uint8Array; wrappedVaultKey: string }): Promise<Uint8Array> {
  const prk = await derivePasskeyKey({ prfOutput, credentialId });
  return openEnvelope(prk, wrappedVaultKey, `1relay/v1/vault-passkey/${userId}/${credentialId}`);
}

/** VK from the stored vault row and the master password. */
export async function openStoredVaultKey({ userId, password, vault }: { userId: string; password: string; vault: { salt: string; kdf_params: string; wrapped_vault_key: string } }): Promise<Uint8Array> {
  const match = /^m=(\d+),t=(\d+),p=(\d+)$/.exec(vault.kdf_params);
  if (!match) throw new Error("unexpected parameter format");
  const [m, t, p] = match.slice(1).map(Number) as [number, number, number];
  const masterKey = (await argon2id({
    password: new TextEncoder().encode(password.normalize("NFKC")),
    salt: fromBase64Url(vault.salt),
    memorySize: m,
    iterations: t,
    parallelism: p,
    hashLength: 32,
    outputType: "binary",
  })) as Uint8Array;
  return openEnvelope(masterKey, vault.wrapped_vault_key, `1relay/v1/vault/${userId}/${vault.salt}/${vault.kdf_params}`);
}

/** Every stored item opened with VK: item id → key. */
export async function decryptStoredItems({ userId, vaultKey, items }: { userId: string; vaultKey: Uint8Array; items: { id: string; provider: string; key_version: number; sealed_key: string }[] }): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const plain = await openEnvelope(vaultKey, item.sealed_key, `1relay/v1/item/${userId}/${item.id}/${item.provider}/${item.key_version}`);
    out[item.id] = new TextDecoder().decode(plain);
  }
  return out;
}

export async function decryptStoredVault({
  userId,
  password,
  vault,
  items,
}: {
  userId: string;
  password: string;
  vault: { salt: string; kdf_params: string; wrapped_vault_key: string };
  items: { id: string; provider: string; key_version: number; sealed_key: string }[];
}): Promise<Record<string, string>> {
  return decryptStoredItems({ userId, vaultKey: await openStoredVaultKey({ userId, password, vault }), items });
}
