#!/usr/bin/env node
// npm run bench:kdf: how long Argon2id takes at the default parameters (m = 64 MiB,
// t = 3, p = 4), with the project's own lib/crypto code, in Node and in headless
// Chromium (inside a Web Worker, as the vault runs it). Median of RUNS (default 5).
import { build } from "esbuild";
import { chromium } from "playwright-core";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const runs = Number(process.env.RUNS ?? 5);

async function bundle(format) {
  const out = await build({
    stdin: {
      contents: `import { deriveMasterKey, DEFAULT_ARGON2_PARAMS } from "./lib/crypto/kdf";
        export async function timeOnce() {
          const salt = crypto.getRandomValues(new Uint8Array(16));
          const t0 = performance.now();
          await deriveMasterKey({ password: "bench password 123", salt, params: DEFAULT_ARGON2_PARAMS });
          return performance.now() - t0;
        }
        globalThis.timeOnce = timeOnce;`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format,
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0].text;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function inNode() {
  const code = await bundle("esm");
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  const times = [];
  for (let i = 0; i < runs; i += 1) times.push(await mod.timeOnce());
  return times;
}

async function inChromium() {
  const code = await bundle("iife");
  const { path: executablePath, source } = findChromium();
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  try {
    const page = await browser.newPage();
    const times = await page.evaluate(
      async ({ code, runs }) => {
        const url = URL.createObjectURL(new Blob([`${code}\nonmessage = async () => { const t = []; for (let i = 0; i < ${runs}; i++) t.push(await timeOnce()); postMessage(t); };`], { type: "text/javascript" }));
        const worker = new Worker(url);
        return new Promise((resolve) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.postMessage(null);
        });
      },
      { code, runs },
    );
    return { times, source };
  } finally {
    await browser.close();
  }
}

const node = await inNode();
const browser = await inChromium();
const row = (name, times) => `| ${name.padEnd(34)} | ${median(times).toFixed(0).padStart(6)} ms | ${Math.min(...times).toFixed(0).padStart(6)} ms | ${Math.max(...times).toFixed(0).padStart(6)} ms |`;
console.log(`Argon2id, m = 64 MiB, t = 3, p = 4 (lib/crypto, @noble/hashes), ${runs} runs each`);
console.log("| where                              | median    | min       | max       |");
console.log("| ---------------------------------- | --------- | --------- | --------- |");
console.log(row(`Node ${process.versions.node}`, node));
console.log(row("Chromium, Web Worker", browser.times));
console.log(`(browser: ${browser.source})`);
const target = 1500;
const worst = Math.max(median(node), median(browser.times));
console.log(worst <= target ? `Within the ${target} ms unlock target.` : `Over the ${target} ms unlock target.`);
