import type { DeriveKey } from "./vault-crypto";

// Argon2id in a dedicated Web Worker, so the page never freezes. The worker is started
// ahead of time (prepareKdfWorker, when a password form appears), so that unlocking,
// right or wrong, makes no network request at all, not even for the worker's script.

type Reply = { id: number; type: "progress" | "done" | "error"; fraction?: number; key?: Uint8Array; message?: string };
type Pending = { resolve: (key: Uint8Array) => void; reject: (e: Error) => void; onProgress?: (f: number) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
  worker?.terminate();
  worker = null;
}

export function prepareKdfWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("./kdf.worker.ts", import.meta.url), { type: "module", name: "1relay-kdf" });
  w.onmessage = (event: MessageEvent<Reply>) => {
    const { id, type } = event.data;
    const p = pending.get(id);
    if (!p) return;
    if (type === "progress" && event.data.fraction !== undefined) p.onProgress?.(event.data.fraction);
    else if (type === "done" && event.data.key) {
      pending.delete(id);
      p.resolve(event.data.key);
    } else if (type === "error") {
      pending.delete(id);
      const message = event.data.message ?? "Argon2id failed";
      p.reject(message.startsWith("RangeError") ? new RangeError(message) : new Error(message));
    }
  };
  w.onerror = (event) => failAll(event.message || "The key derivation worker failed.");
  worker = w;
  return w;
}

export const deriveInWorker: DeriveKey = ({ password, salt, params, onProgress }) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    prepareKdfWorker().postMessage({ id, password, salt, params });
  });
