import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The deployed worker's configuration: what it promises about logs.
function readWranglerConfig(): Record<string, unknown> {
  const text = readFileSync(path.join(import.meta.dirname, "../../wrangler.jsonc"), "utf8");
  const withoutComments = text.replace(/^\s*\/\/.*$/gm, "").replace(/,(\s*[}\]])/g, "$1");
  return JSON.parse(withoutComments) as Record<string, unknown>;
}

describe("wrangler.jsonc", () => {
  it("keeps query strings (sign-in codes, OAuth codes, ?key=) out of Workers logs and traces", () => {
    const config = readWranglerConfig();
    expect(config.observability).toMatchObject({ enabled: true, redact_query_string: true });
    for (const [name, env] of Object.entries((config.env ?? {}) as Record<string, { observability?: { redact_query_string?: boolean } }>)) {
      if (env.observability) expect(env.observability.redact_query_string, name).toBe(true);
    }
  });
});
