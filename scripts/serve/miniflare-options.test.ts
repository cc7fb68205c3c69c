import { describe, expect, it } from "vitest";
import { buildMiniflareOptions } from "./miniflare-options";
import { parseServeArgs } from "./serve-args";

const workerOptions = {
  compatibilityFlags: ["nodejs_compat", "enable_request_signal"],
  modulesRules: [{ type: "Text", include: ["**/*.txt"] }],
  bindings: { EMAIL_TRANSPORT: "local", AUTH_SECRET: "from-dev-vars" },
  d1Databases: { DB: { id: "00000000-0000-4000-8000-000000000000" } },
  durableObjects: { ACCOUNT: { className: "AccountDurableObject" } },
  assets: { directory: ".open-next/assets", binding: "ASSETS" },
};
const handleStructuredLogs = () => {};

function build(argv: string[]) {
  return buildMiniflareOptions({
    root: "/app",
    name: "1relay",
    workerOptions,
    bundle: { dir: "/app/.wrangler/serve-bundle", entry: "worker.js" },
    args: parseServeArgs({ argv }),
    log: null,
    handleStructuredLogs,
  });
}

describe("buildMiniflareOptions", () => {
  it("keeps wrangler's state layout (<persist-to>/v3), so migrations and existing data are shared", () => {
    expect(build([]).resourcePersistencePath).toBe("/app/.wrangler/state/v3");
    expect(build(["--persist-to", ".wrangler/e2e-state"]).resourcePersistencePath).toBe("/app/.wrangler/e2e-state/v3");
    expect(build(["--persist-to", "/tmp/elsewhere"]).resourcePersistencePath).toBe("/tmp/elsewhere/v3");
  });

  it("serves the deploy bundle under the config's name, with wrangler.jsonc's bindings, flags and assets", () => {
    const [worker] = build([]).workers;
    expect(worker).toMatchObject({
      name: "1relay",
      compatibilityFlags: ["nodejs_compat", "enable_request_signal"],
      d1Databases: workerOptions.d1Databases,
      durableObjects: workerOptions.durableObjects,
      assets: workerOptions.assets,
      modulesRoot: "/app/.wrangler/serve-bundle",
      modules: [{ type: "ESModule", path: "/app/.wrangler/serve-bundle/worker.js" }],
    });
    expect(worker).not.toHaveProperty("modulesRules");
    expect(worker).not.toHaveProperty("unsafeDirectSockets");
  });

  it("adds a socket straight to the worker only for --direct-port", () => {
    const [worker] = build(["--ip", "127.0.0.1", "--direct-port", "9101"]).workers;
    expect(worker.unsafeDirectSockets).toEqual([{ host: "127.0.0.1", port: 9101 }]);
  });

  it("lets --var override vars and .dev.vars, leaving the rest", () => {
    const [worker] = build(["--var", "EMAIL_TRANSPORT:http", "--var", "OPENAI_BASE_URL:http://127.0.0.1:1/v1"]).workers;
    expect(worker.bindings).toEqual({ EMAIL_TRANSPORT: "http", AUTH_SECRET: "from-dev-vars", OPENAI_BASE_URL: "http://127.0.0.1:1/v1" });
    expect(workerOptions.bindings.EMAIL_TRANSPORT).toBe("local");
  });

  it("logs no request lines, fetches no request.cf, and opens the inspector only when asked", () => {
    const options = build(["--port", "9100"]);
    expect(options).toMatchObject({ host: "127.0.0.1", port: 9100, logRequests: false, cf: false, handleStructuredLogs });
    expect(options).not.toHaveProperty("inspectorPort");
    expect(build(["--inspector-port", "9229"]).inspectorPort).toBe(9229);
  });
});
