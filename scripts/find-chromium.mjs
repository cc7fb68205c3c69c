// Finds a Chromium for the browser tests: Playwright's own build if installed, else the
// system's, else installs Debian's (apt, as root). Says which it used.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

function which(name) {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

function playwrightsOwn() {
  try {
    const { chromium } = createRequire(import.meta.url)("playwright-core");
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function systemChromium() {
  for (const name of ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]) {
    const path = which(name);
    if (path) return path;
  }
  return null;
}

function installChromium() {
  if (process.getuid?.() !== 0 || !which("apt-get")) return null;
  console.log("[browser] no Chromium found: installing Debian's chromium with apt-get…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-liberation"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  return systemChromium();
}

/** @returns {{ path: string, source: string }} */
export function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return { path: process.env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
  const own = playwrightsOwn();
  if (own) return { path: own, source: "Playwright's own Chromium" };
  const system = systemChromium();
  if (system) return { path: system, source: "the system Chromium" };
  const installed = installChromium();
  if (installed) return { path: installed, source: "Debian's chromium, just installed" };
  throw new Error("No Chromium found. Install one (apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH.");
}
