import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: pure logic in Node ("unit"), and code bound to workerd (D1, Durable
// Objects) in the real runtime through the Cloudflare plugin ("workerd").
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "lib/db/migrations"));
  return {
    resolve: { alias: { "@": import.meta.dirname } },
    test: {
      projects: [
        {
          resolve: { alias: { "@": import.meta.dirname } },
          test: {
            name: "unit",
            include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "tests/fakes/**/*.test.ts", "packages/*/src/**/*.test.ts"],
            exclude: ["**/*.worker.test.ts", "node_modules/**"],
            environment: "node",
            testTimeout: 30_000,
          },
        },
        {
          resolve: { alias: { "@": import.meta.dirname } },
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./workers/wrangler.test.jsonc" },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          test: {
            name: "workerd",
            include: ["lib/**/*.worker.test.ts", "workers/**/*.worker.test.ts"],
            setupFiles: ["./tests/workerd-setup.ts"],
            testTimeout: 30_000,
          },
        },
      ],
    },
  };
});
