#!/usr/bin/env python3
"""Generates vault_sign_vectors.json, test vectors for the vault signing key of the 1Relay
security model v1.1, with an implementation independent of the TypeScript one (Python's
`cryptography` package: HKDF-SHA256 and Ed25519 per RFC 5869 and RFC 8032).

VSK       = Ed25519 seed HKDF-SHA256(ikm = VK, salt = none, info = "1relay/v1/vault-sign", 32 bytes)
message   = canonical JSON {action, accountId, nonce, params} (keys sorted at every depth, no whitespace)
signature = Ed25519(VSK, UTF-8 message); keys and signatures as unpadded base64url

Run: python3 tests/vectors/generate_vault_sign_vectors.py > tests/vectors/vault_sign_vectors.json
"""
import base64
import hashlib
import json

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def canonical(value) -> str:
    # Sorted keys, no whitespace; the vectors use only ASCII strings and small integers,
    # where Python's json.dumps and JavaScript's JSON.stringify agree.
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def vector(name: str, vault_key: bytes, action: str, account_id: str, params, nonce: str) -> dict:
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"1relay/v1/vault-sign").derive(vault_key)
    private = Ed25519PrivateKey.from_private_bytes(seed)
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    message = canonical({"action": action, "accountId": account_id, "params": params, "nonce": nonce})
    return {
        "name": name,
        "vaultKey": vault_key.hex(),
        "seed": seed.hex(),
        "publicKey": b64url(public),
        "action": action,
        "accountId": account_id,
        "params": params,
        "nonce": nonce,
        "message": message,
        "signature": b64url(private.sign(message.encode())),
    }


vk1 = bytes(range(32))
vk2 = hashlib.sha256(b"1relay vault-sign vector 2").digest()
vectors = [
    vector("raise the account cap", vk1, "account.cap.set", "6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5", {"monthlyCapUsd": 25}, "q" * 43),
    vector("remove the account cap", vk1, "account.cap.set", "6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5", {"monthlyCapUsd": None}, "n" * 43),
    vector("resume a connection", vk2, "connection.resume", "0b9e8d7c-6a5b-4f3e-9d2c-1b0a9f8e7d6c", {"connectionId": "00112233445566778899aabbccddeeff"}, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd"),
    vector("nested parameters sort at every depth", vk2, "vault.rewrap", "0b9e8d7c-6a5b-4f3e-9d2c-1b0a9f8e7d6c", {"salt": "AAAAAAAAAAAAAAAAAAAAAA", "kdfParams": {"t": 3, "p": 4, "m": 65536}, "wrappedVaultKey": "v1.x.y", "expectedVersion": 2}, "z" * 43),
]
print(json.dumps({"description": "1Relay vault signing key (security model v1.1): VSK = HKDF-SHA256(VK, info 1relay/v1/vault-sign), Ed25519 over canonical JSON {action, accountId, params, nonce}. Made by generate_vault_sign_vectors.py with Python cryptography.", "vectors": vectors}, indent=2))
