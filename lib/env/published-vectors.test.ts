import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The /security page links the test vectors from public/vectors: they must be the very files the
// tests check the code against (tests/vectors), never a stale copy.
const root = path.join(import.meta.dirname, "../..");

describe("published test vectors", () => {
  for (const name of ["relay_token_vectors.json", "core_vectors.json", "vault_sign_vectors.json", "passkey_vectors.json"]) {
    it(`public/vectors/${name} is tests/vectors/${name}`, () => {
      expect(readFileSync(path.join(root, "public/vectors", name), "utf8")).toBe(readFileSync(path.join(root, "tests/vectors", name), "utf8"));
    });
  }
});
