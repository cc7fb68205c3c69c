import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Next's recommended rules (React, hooks, a11y, TypeScript) plus the house rules:
// nothing secret in logs is checked by review and the before-stop hook; here we keep
// framework imports out of the pure core.
const config = [
  {
    ignores: [
      ".next/**",
      ".open-next/**",
      ".wrangler/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "cloudflare-env.d.ts",
      "next-env.d.ts",
      "examples/**/node_modules/**",
      "packages/*/dist/**",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["lib/crypto/**", "lib/limits/**", "lib/providers/**", "lib/chat-api/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom", "next-auth", "next-auth/*"], message: "lib/crypto, lib/limits and lib/providers are pure: no framework imports." },
            { group: ["cloudflare:*", "kysely", "kysely-d1", "@opennextjs/*"], message: "lib/crypto, lib/limits and lib/providers are pure: no runtime or database imports." },
            { group: ["node:*"], message: "The pure core runs in the browser and workerd too: no Node built-ins." },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
