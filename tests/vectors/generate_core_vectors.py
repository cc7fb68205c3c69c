#!/usr/bin/env python3
"""Generates core_vectors.json: known answers for the 1Relay crypto core
(security model v1) computed with pyca/cryptography, independently of the
TypeScript code in lib/crypto. Fixed inputs stand in for the random ones
(nonces, ephemeral keys) so the outputs are reproducible.

Run: python3 tests/vectors/generate_core_vectors.py > tests/vectors/core_vectors.json
"""
import base64
import hashlib
import hmac
import json
import unicodedata

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def b64u(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def seq(start: int, n: int) -> bytes:
    return bytes((start + i) & 0xFF for i in range(n))


def hkdf(ikm: bytes, salt, info: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info.encode()).derive(ikm)


def envelope(key: bytes, nonce: bytes, plaintext: bytes, aad: str) -> str:
    return "v1." + b64u(nonce) + "." + b64u(AESGCM(key).encrypt(nonce, plaintext, aad.encode()))


# --- master key (Argon2id v0x13, minimum accepted params) and vault AAD ---
password = "Tr0ub4dor&3 \ufb01x \u2460 caf\u0065\u0301"  # ligature, circled digit, combining accent
params = {"m": 19456, "t": 2, "p": 1}
salt = seq(0x10, 16)
password_bytes = unicodedata.normalize("NFKC", password).encode()
mk = Argon2id(salt=salt, length=32, iterations=params["t"], lanes=params["p"], memory_cost=params["m"]).derive(password_bytes)
params_text = "m=%d,t=%d,p=%d" % (params["m"], params["t"], params["p"])
user_id = "user_01HZX"
default_password = "correct horse battery staple"
default_mk = Argon2id(salt=bytes(16), length=32, iterations=3, lanes=4, memory_cost=65536).derive(default_password.encode())
vault_aad = "1relay/v1/vault/%s/%s/%s" % (user_id, b64u(salt), params_text)
vk = seq(0x40, 32)

# --- connection: TK, PK, verifier, envelopes ---
connection_id = bytes.fromhex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf")
conn_hex = connection_id.hex()
k = seq(0x00, 32)
ck = seq(0x20, 32)
tk = hkdf(k, connection_id, "1relay/v1/token-wrap")
pk = hkdf(ck, None, "1relay/v1/policy")
verifier = hashlib.sha256(b"1relay/v1/verify" + k).digest()
ck_token_aad = "1relay/v1/ck-token/" + conn_hex

# --- policy: canonical JSON (sorted keys, no spaces) and its tag ---
policy = {"v": 1, "providers": ["openai", "anthropic"], "models": ["openai:gpt-4o-mini", "anthropic:claude-sonnet-4-5"],
          "budgetUsd": 12.5, "rpm": 60, "expiresAt": 1767225600}
canonical = json.dumps(policy, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
tag = hmac.new(pk, canonical.encode(), hashlib.sha256).digest()
# v2 (contract v1.1 "Policy fields"): v1's fields plus fitOutput ("fit output to budget").
policy_v2 = dict(policy, v=2, fitOutput=True)
canonical_v2 = json.dumps(policy_v2, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
tag_v2 = hmac.new(pk, canonical_v2.encode(), hashlib.sha256).digest()
# v3 (decision 022): v2's fields plus origins, the web origins a browser page may use the token from.
policy_v3 = dict(policy_v2, v=3, origins=["https://app.example", "http://localhost:5173"])
canonical_v3 = json.dumps(policy_v3, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
tag_v3 = hmac.new(pk, canonical_v3.encode(), hashlib.sha256).digest()

# --- seal K to an app (X25519 + HKDF + AES-256-GCM) ---
app_priv = seq(0x60, 32)
eph_priv = seq(0x80, 32)
raw = lambda key: key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
app_key, eph_key = X25519PrivateKey.from_private_bytes(app_priv), X25519PrivateKey.from_private_bytes(eph_priv)
app_pub, eph_pub = raw(app_key), raw(eph_key)
shared = eph_key.exchange(app_key.public_key())
wrap = hkdf(shared, eph_pub + app_pub, "1relay/v1/seal")
client_id = "app_demo"
seal_aad = "1relay/v1/seal/%s/%s" % (client_id, conn_hex)
seal_nonce = seq(0xA0, 12)
sealed = "v1.%s.%s.%s" % (b64u(eph_pub), b64u(seal_nonce), b64u(AESGCM(wrap).encrypt(seal_nonce, k, seal_aad.encode())))

print(json.dumps({
    "description": "1Relay crypto core known answers (security model v1), computed with pyca/cryptography",
    "generator": "tests/vectors/generate_core_vectors.py",
    "masterKey": {"password": password, "passwordNfkcHex": password_bytes.hex(), "saltHex": salt.hex(),
                  "params": params, "paramsText": params_text, "mkHex": mk.hex()},
    "masterKeyDefaultParams": {"password": default_password, "saltHex": bytes(16).hex(),
                               "params": {"m": 65536, "t": 3, "p": 4}, "mkHex": default_mk.hex()},
    "vault": {"userId": user_id, "aad": vault_aad, "vkHex": vk.hex(),
              "nonceHex": seq(0x90, 12).hex(), "envelope": envelope(mk, seq(0x90, 12), vk, vault_aad)},
    "connection": {"connectionIdHex": conn_hex, "secretHex": k.hex(), "ckHex": ck.hex(),
                   "tokenWrapKeyHex": tk.hex(), "policyKeyHex": pk.hex(), "verifierHex": verifier.hex(),
                   "ckTokenAad": ck_token_aad, "ckTokenEnvelope": envelope(tk, seq(0xB0, 12), ck, ck_token_aad)},
    "policy": {"policy": policy, "canonical": canonical, "tag": b64u(tag)},
    "policyV2": {"policy": policy_v2, "canonical": canonical_v2, "tag": b64u(tag_v2)},
    "policyV3": {"policy": policy_v3, "canonical": canonical_v3, "tag": b64u(tag_v3)},
    "seal": {"appPrivateKeyHex": app_priv.hex(), "appPublicKeyHex": app_pub.hex(), "ephemeralPrivateKeyHex": eph_priv.hex(),
             "clientId": client_id, "connectionIdHex": conn_hex, "aad": seal_aad, "secretHex": k.hex(), "sealed": sealed},
}, indent=2, ensure_ascii=False))
