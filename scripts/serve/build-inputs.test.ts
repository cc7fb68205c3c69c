import { describe, expect, it } from "vitest";
import { decideBuildReuse, hashBuildInputs, isBuildInput } from "./build-inputs";

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe("reusing the last build", () => {
  it("counts sources, public files and configuration, not tests, docs or tooling", () => {
    for (const path of ["app/layout.tsx", "lib/money/money.ts", "public/connect.js", "next.config.mjs", "package-lock.json", "wrangler.jsonc", ".env.local", "middleware.ts"]) expect(isBuildInput(path)).toBe(true);
    for (const path of ["lib/money/money.test.ts", "tests/e2e/x.spec.ts", "docs/decisions/019.md", "README.md", "scripts/start.mjs", "node_modules/next/index.js", ".open-next/worker.js", ".dev.vars", "bench/results/a.json"]) expect(isBuildInput(path)).toBe(false);
  });

  it("changes with any byte, path or NEXT_PUBLIC_ variable, and not with the order files are listed", () => {
    const base = hashBuildInputs({ files: [file("a.ts", "1"), file("b.ts", "2")], env: {} });
    expect(hashBuildInputs({ files: [file("b.ts", "2"), file("a.ts", "1")], env: { PATH: "/x" } })).toBe(base);
    expect(hashBuildInputs({ files: [file("a.ts", "1"), file("b.ts", "3")], env: {} })).not.toBe(base);
    expect(hashBuildInputs({ files: [file("a.ts", "1"), file("c.ts", "2")], env: {} })).not.toBe(base);
    expect(hashBuildInputs({ files: [file("a.ts", "12")], env: {} })).not.toBe(hashBuildInputs({ files: [file("a.ts", "1"), file("2", "")], env: {} }));
    expect(hashBuildInputs({ files: [file("a.ts", "1"), file("b.ts", "2")], env: { NEXT_PUBLIC_X: "1" } })).not.toBe(base);
  });

  it("reuses only a build whose recorded inputs are today's", () => {
    expect(decideBuildReuse({ hasBuild: true, storedHash: "h", currentHash: "h" })).toEqual({ reuse: true });
    expect(decideBuildReuse({ hasBuild: false, storedHash: "h", currentHash: "h" })).toMatchObject({ reuse: false });
    expect(decideBuildReuse({ hasBuild: true, storedHash: null, currentHash: "h" })).toMatchObject({ reuse: false });
    expect(decideBuildReuse({ hasBuild: true, storedHash: "g", currentHash: "h" })).toMatchObject({ reuse: false, reason: expect.stringMatching(/changed/) });
  });
});
