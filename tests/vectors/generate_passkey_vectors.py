#!/usr/bin/env python3
"""Generates passkey_vectors.json, test vectors for passkey unlock and passkey sign-in in the 1Relay
security model v1.1 ("Passkey unlock (WebAuthn PRF)"), with implementations independent of the
TypeScript code: Python's `cryptography` package (HKDF-SHA256, AES-256-GCM, ECDSA P-256, Ed25519)
and a CBOR encoder written here.

wrap:      PRK = HKDF-SHA256(ikm = prf, salt = credentialId bytes, info = "1relay/v1/passkey", 32 bytes)
           AAD = "1relay/v1/vault-passkey/<userId>/<credentialId b64url>"
           wrapped VK = "v1." + b64url(nonce) + "." + b64url(AES-256-GCM(PRK, nonce, VK, AAD))
webauthn:  registrations (attestation "none", COSE keys ES256 and EdDSA) and assertions signed over
           authenticatorData || SHA-256(clientDataJSON) (WebAuthn L3 §6.3.3, §7.2), including
           assertions that are correctly signed but must be refused (wrong origin, rpId, type, flags).

Run: python3 tests/vectors/generate_passkey_vectors.py > tests/vectors/passkey_vectors.json
"""
import base64
import hashlib
import json
import struct

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def det(label: str, n: int = 32) -> bytes:
    out = b""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"1relay passkey vector {label} {i}".encode()).digest()
        i += 1
    return out[:n]


# --- CBOR (RFC 8949), just what attestation objects and COSE keys use -----------------------------

def cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    if n < 0x100:
        return bytes([major << 5 | 24, n])
    if n < 0x10000:
        return bytes([major << 5 | 25]) + struct.pack(">H", n)
    return bytes([major << 5 | 26]) + struct.pack(">I", n)


def cbor(value) -> bytes:
    if isinstance(value, bool):
        return bytes([0xF5 if value else 0xF4])
    if isinstance(value, int):
        return cbor_head(0, value) if value >= 0 else cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return cbor_head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode()
        return cbor_head(3, len(data)) + data
    if isinstance(value, list):
        return cbor_head(4, len(value)) + b"".join(cbor(v) for v in value)
    if isinstance(value, dict):
        return cbor_head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    raise TypeError(value)


# --- the passkey wrap of VK ------------------------------------------------------------------------

def wrap_vector(name: str, prf: bytes, credential_id: bytes, user_id: str, vault_key: bytes, nonce: bytes) -> dict:
    cid = b64url(credential_id)
    prk = HKDF(algorithm=hashes.SHA256(), length=32, salt=credential_id, info=b"1relay/v1/passkey").derive(prf)
    aad = f"1relay/v1/vault-passkey/{user_id}/{cid}"
    sealed = AESGCM(prk).encrypt(nonce, vault_key, aad.encode())
    return {
        "name": name,
        "prfOutput": prf.hex(),
        "credentialId": cid,
        "userId": user_id,
        "prk": prk.hex(),
        "aad": aad,
        "vaultKey": vault_key.hex(),
        "wrappedVaultKey": f"v1.{b64url(nonce)}.{b64url(sealed)}",
    }


wraps = [
    wrap_vector("16-byte credential id", det("prf-1"), det("cid-1", 16), "6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5", det("vk-1"), det("nonce-1", 12)),
    wrap_vector("32-byte credential id", det("prf-2"), det("cid-2", 32), "0b9e8d7c-6a5b-4f3e-9d2c-1b0a9f8e7d6c", det("vk-2"), det("nonce-2", 12)),
    wrap_vector("300-byte credential id (a non-resident key's id can be long)", det("prf-3"), det("cid-3", 300), "0b9e8d7c-6a5b-4f3e-9d2c-1b0a9f8e7d6c", det("vk-2"), det("nonce-3", 12)),
]


# --- WebAuthn ceremonies ----------------------------------------------------------------------------

RP_ID = "1relay.example"
ORIGIN = "https://1relay.example"
UP, UV, AT = 0x01, 0x04, 0x40

p256_key = ec.derive_private_key(int.from_bytes(det("p256-key"), "big") % (2**255), ec.SECP256R1())
p256_numbers = p256_key.public_key().public_numbers()
P256_COSE = cbor({1: 2, 3: -7, -1: 1, -2: p256_numbers.x.to_bytes(32, "big"), -3: p256_numbers.y.to_bytes(32, "big")})
ed_key = Ed25519PrivateKey.from_private_bytes(det("ed25519-key"))
ED_COSE = cbor({1: 1, 3: -8, -1: 6, -2: ed_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)})
N_P256 = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def client_data(kind: str, challenge: bytes, origin: str = ORIGIN) -> bytes:
    return json.dumps({"type": kind, "challenge": b64url(challenge), "origin": origin, "crossOrigin": False}, separators=(",", ":")).encode()


def auth_data(flags: int, count: int, rp_id: str = RP_ID, attested: bytes = b"") -> bytes:
    return hashlib.sha256(rp_id.encode()).digest() + bytes([flags]) + struct.pack(">I", count) + attested


def sign(alg: int, data: bytes, high_s: bool = False) -> bytes:
    if alg == -8:
        return ed_key.sign(data)
    der = p256_key.sign(data, ec.ECDSA(hashes.SHA256()))
    r, s = decode_dss_signature(der)
    low = min(s, N_P256 - s)
    return encode_dss_signature(r, N_P256 - low if high_s else low)


def registration(name: str, alg: int, credential_id: bytes, challenge: bytes) -> dict:
    cose = P256_COSE if alg == -7 else ED_COSE
    attested = bytes(16) + struct.pack(">H", len(credential_id)) + credential_id + cose
    data = auth_data(UP | UV | AT, 0, attested=attested)
    attestation = cbor({"fmt": "none", "attStmt": {}, "authData": data})
    return {
        "name": name,
        "alg": alg,
        "rpId": RP_ID,
        "origin": ORIGIN,
        "challenge": b64url(challenge),
        "response": {"id": b64url(credential_id), "clientDataJSON": b64url(client_data("webauthn.create", challenge)), "attestationObject": b64url(attestation)},
        "publicKey": b64url(cose),
        "signCount": 0,
    }


def assertion(name: str, alg: int, credential_id: bytes, challenge: bytes, count: int, refuse: str | None = None, **bend) -> dict:
    flags = bend.get("flags", UP | UV)
    cdata = client_data(bend.get("type", "webauthn.get"), challenge, bend.get("origin", ORIGIN))
    adata = auth_data(flags, count, rp_id=bend.get("rp_id", RP_ID))
    signature = sign(alg, adata + hashlib.sha256(cdata).digest(), high_s=bend.get("high_s", False))
    return {
        "name": name,
        "alg": alg,
        "rpId": RP_ID,
        "origin": ORIGIN,
        "challenge": b64url(challenge),
        "publicKey": b64url(P256_COSE if alg == -7 else ED_COSE),
        "userId": "6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5",
        "response": {
            "id": b64url(credential_id),
            "clientDataJSON": b64url(cdata),
            "authenticatorData": b64url(adata),
            "signature": b64url(signature),
            "userHandle": b64url(b"6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5"),
        },
        "signCount": count,
        "refuse": refuse,
    }


cid_p = det("cred-p256", 32)
cid_e = det("cred-ed25519", 16)
registrations = [
    registration("ES256 (P-256) passkey", -7, cid_p, det("reg-challenge-1")),
    registration("EdDSA (Ed25519) passkey", -8, cid_e, det("reg-challenge-2")),
]
assertions = [
    assertion("ES256, low S", -7, cid_p, det("get-1"), 7),
    assertion("ES256, high S (authenticators do not normalise S)", -7, cid_p, det("get-2"), 8, high_s=True),
    assertion("EdDSA", -8, cid_e, det("get-3"), 0),
    assertion("signed, but for another origin", -7, cid_p, det("get-4"), 9, refuse="bad_origin", origin="https://evil.example"),
    assertion("signed, but for another rpId", -7, cid_p, det("get-5"), 9, refuse="bad_rp_id", rp_id="evil.example"),
    assertion("signed, but a registration's client data", -8, cid_e, det("get-6"), 0, refuse="bad_type", type="webauthn.create"),
    assertion("signed, but without user verification", -7, cid_p, det("get-7"), 9, refuse="no_user_verification", flags=UP),
    assertion("signed, but without user presence", -8, cid_e, det("get-8"), 0, refuse="no_user_presence", flags=UV),
]

print(json.dumps({
    "description": "1Relay passkeys (security model v1.1): the PRF wrap of VK, and WebAuthn registrations and assertions. Made by generate_passkey_vectors.py with Python cryptography and its own CBOR encoder.",
    "wraps": wraps,
    "registrations": registrations,
    "assertions": assertions,
}, indent=2))
