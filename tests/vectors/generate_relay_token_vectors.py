#!/usr/bin/env python3
"""Generates relay_token_vectors.json, the published test vectors for the
1Relay relay-token format, with an implementation independent of the
TypeScript one (Python integers + zlib.crc32).

token = "1r_" + base62(connectionId || K) in exactly 65 chars
              + base62(CRC-32(connectionId || K)) in exactly 6 chars
base62 alphabet 0-9A-Za-z, big-endian, left-padded with "0"; 74 chars total.

Run: python3 tests/vectors/generate_relay_token_vectors.py > tests/vectors/relay_token_vectors.json
"""
import hashlib
import json
import zlib

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def base62(n: int, width: int) -> str:
    digits = []
    while n:
        n, r = divmod(n, 62)
        digits.append(ALPHABET[r])
    s = "".join(reversed(digits)).rjust(width, "0")
    assert len(s) == width, "value does not fit"
    return s


def token(conn: bytes, key: bytes) -> str:
    assert len(conn) == 16 and len(key) == 32
    payload = conn + key
    t = "1r_" + base62(int.from_bytes(payload, "big"), 65) + base62(zlib.crc32(payload), 6)
    assert len(t) == 74
    return t


def sha(label: str) -> bytes:
    return hashlib.sha256(label.encode()).digest()


valid_inputs = [
    ("all zero", bytes(16), bytes(32)),
    ("all 0xff (largest payload, 2^384 - 1)", b"\xff" * 16, b"\xff" * 32),
    ("sequential bytes", bytes(range(16)), bytes(range(16, 48))),
    ("leading zero bytes (padding)", bytes(15) + b"\x01", bytes(31) + b"\x02"),
    ("pseudo-random 1", sha("1relay vector connection 1")[:16], sha("1relay vector secret 1")),
    ("pseudo-random 2", sha("1relay vector connection 2")[:16], sha("1relay vector secret 2")),
]
valid = [
    {"comment": c, "connectionId": conn.hex(), "secret": key.hex(), "token": token(conn, key)}
    for c, conn, key in valid_inputs
]

good = valid[4]["token"]
body = good[3:]
flip = "1" if body[10] != "1" else "2"
last = "0" if good[-1] != "0" else "1"
max_payload = "z" * 65
invalid = [
    {"comment": "prefix in upper case", "token": "1R_" + body, "reason": "token_bad_prefix"},
    {"comment": "other vendor's prefix", "token": "sk-" + body, "reason": "token_bad_prefix"},
    {"comment": "empty string", "token": "", "reason": "token_bad_prefix"},
    {"comment": "one character short", "token": good[:-1], "reason": "token_bad_length"},
    {"comment": "one character long", "token": good + "0", "reason": "token_bad_length"},
    {"comment": "trailing newline", "token": good + "\n", "reason": "token_bad_length"},
    {"comment": "'-' in the payload", "token": good[:20] + "-" + good[21:], "reason": "token_bad_alphabet"},
    {"comment": "'_' in the checksum", "token": good[:-1] + "_", "reason": "token_bad_alphabet"},
    {"comment": "payload 62^65 - 1 exceeds 2^384 - 1", "token": "1r_" + max_payload + "000000", "reason": "token_overflow"},
    {"comment": "payload 2^384 exactly", "token": "1r_" + base62(2**384, 65) + "000000", "reason": "token_overflow"},
    {"comment": "one payload character changed", "token": "1r_" + body[:10] + flip + body[11:], "reason": "token_bad_checksum"},
    {"comment": "last checksum character changed", "token": good[:-1] + last, "reason": "token_bad_checksum"},
    {"comment": "checksum field above 2^32 - 1", "token": good[:-6] + "zzzzzz", "reason": "token_bad_checksum"},
]
for case in invalid:
    if case["reason"] != "token_bad_prefix" and case["reason"] != "token_bad_length":
        assert len(case["token"]) == 74

print(json.dumps({
    "format": "1Relay relay token v1",
    "description": "token = '1r_' + base62(connectionId || K, 65 chars) + base62(CRC-32/IEEE of those 48 bytes, 6 chars); base62 alphabet 0-9A-Za-z, big-endian, left-padded with '0'; 74 chars",
    "generator": "tests/vectors/generate_relay_token_vectors.py (Python int + zlib.crc32, independent of lib/crypto)",
    "valid": valid,
    "invalid": invalid,
}, indent=2))
