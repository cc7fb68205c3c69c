import { argon2id } from "hash-wasm";

// An independent decryptor for the stored vault: it imports nothing from the project's
// crypto code. From the documented format alone (security model + docs/decisions/005):
//   envelope  = "v1." + b64url(12-byte nonce) + "." + b64url(ciphertext ‖ 16-byte tag)
//   MK        = Argon2id v0x13 (NFKC UTF-8 password, 16-byte salt, m KiB, t, p), 32 bytes
//   vault AAD = "1relay/v1/vault/<userId>/<salt b64url>/m=<m>,t=<t>,p=<p>"
//   item AAD  = "1relay/v1/item/<userId>/<itemId>/<provider>/<keyVersion>"
// using WebCrypto's AES-GCM and hash-wasm's Argon2id.

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
  const vaultKey = await openEnvelope(masterKey, vault.wrapped_vault_key, `1relay/v1/vault/${userId}/${vault.salt}/${vault.kdf_params}`);
  const out: Record<string, string> = {};
  for (const item of items) {
    const plain = await openEnvelope(vaultKey, item.sealed_key, `1relay/v1/item/${userId}/${item.id}/${item.provider}/${item.key_version}`);
    out[item.id] = new TextDecoder().decode(plain);
  }
  return out;
}
