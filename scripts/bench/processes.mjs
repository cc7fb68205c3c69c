// Starting and stopping the benchmark's servers, and the CPU time of a process tree
// (from /proc, in clock ticks of 10 ms: meaningful over hundreds of requests, not one).
import { spawn } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";

/** Spawns a server, logs its output to a file, resolves when `ready(line)` returns a value for a stdout line (at once when ready is null). */
export function startServer({ name, cmd, args, cwd, env, logFile, ready, timeoutMs = 120_000 }) {
  const child = spawn(cmd, args, { cwd, env, stdio: ["pipe", "pipe", "pipe"], detached: false });
  const log = createWriteStream(logFile);
  child.stderr.pipe(log);
  if (ready === null) {
    child.stdout.pipe(log);
    return Promise.resolve({ child, value: null });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${timeoutMs} ms (log: ${logFile})`)), timeoutMs);
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      log.write(chunk);
      buffer += chunk.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const value = ready(line);
        if (value !== undefined && value !== null) {
          clearTimeout(timer);
          resolve({ child, value });
        }
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} (log: ${logFile})`));
    });
  });
}

/** Resolves when GET url answers 2xx. */
export async function waitForHttp(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // after "pid (comm) ": state ppid … utime is field 14, stime 15 (1-based over the whole line)
    return { comm: text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")), ppid: Number(rest[1]), utime: Number(rest[11]), stime: Number(rest[12]) };
  } catch {
    return null;
  }
}

/** The pids under (and including) root, with their command names. */
export function processTree(root) {
  const all = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) all.push({ pid: Number(entry), ...stat });
  }
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => tree.has(p.pid));
}

const TICK_MS = 10; // sysconf(_SC_CLK_TCK) is 100 on Linux

/** CPU milliseconds (user + system) used so far by the given pids. */
export function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    const s = readStat(pid);
    if (s) ticks += s.utime + s.stime;
  }
  return ticks * TICK_MS;
}
