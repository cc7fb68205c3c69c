// Which behaviour a request gets: a magic model name wins, then the x-fake-behaviour header,
// then the behaviours queued with script() or POST /__fake/script, else a normal reply.
import type { Behaviour, ScriptOptions } from "./types";

export const BEHAVIOUR_HEADER = "x-fake-behaviour";

/** `gpt-4o-fake-429`, `claude-x-fake-slow-500`, `fake-drop`: the part after `fake-` is a preset. */
const MAGIC_MODEL = /(?:^|[-_/:.])fake-([a-z0-9-]+)$/i;

/**
 * Preset names: reply, 500 / error-503 (any status), 429 / 429-<retry s>, slow / slow-<ms>,
 * drop / drop-<events>, key-echo, stream-error / stream-error-<events>, cached.
 */
export function presetBehaviour(name: string): Behaviour | undefined {
  const n = name.trim().toLowerCase();
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(n);
    if (!m) return undefined;
    return m[1] === undefined ? NaN : Number(m[1]);
  };
  if (n === "reply") return {};
  if (n === "key-echo") return { kind: "key-echo" };
  if (n === "cached") return { cachedFraction: 0.5 };
  const retry = num(/^(?:error-)?429(?:-(\d+))?$/);
  if (retry !== undefined) return { kind: "rate-limit", retryAfterSeconds: Number.isNaN(retry) ? 1 : retry };
  const status = num(/^(?:error-)?(\d{3})$/);
  if (status !== undefined) return { kind: "error", status };
  const slow = num(/^slow(?:-(\d+))?$/);
  if (slow !== undefined) return { delayMs: Number.isNaN(slow) ? 300 : slow };
  const drop = num(/^drop(?:-(\d+))?$/);
  if (drop !== undefined) return { dropAfterChunks: Number.isNaN(drop) ? 2 : drop };
  const streamError = num(/^stream-error(?:-(\d+))?$/);
  if (streamError !== undefined) {
    return { kind: "stream-error", errorAfterChunks: Number.isNaN(streamError) ? 2 : streamError };
  }
  return undefined;
}

/** A behaviour given as an object, a JSON object text or a preset name. */
export function toBehaviour(value: unknown): Behaviour | undefined {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Behaviour;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text.startsWith("{")) {
    try {
      return toBehaviour(JSON.parse(text));
    } catch {
      return undefined;
    }
  }
  return presetBehaviour(text);
}

export function behaviourFromModel(model: string | undefined): Behaviour | undefined {
  const m = model ? MAGIC_MODEL.exec(model) : null;
  return m?.[1] ? presetBehaviour(m[1]) : undefined;
}

interface Scripted {
  behaviour: Behaviour;
  remaining: number;
}

/** The queue behind script(): the first entry applies until its `times` run out. */
export function createScript() {
  let queue: Scripted[] = [];
  return {
    push(behaviour: Behaviour, options: ScriptOptions = {}): void {
      queue.push({ behaviour, remaining: options.times ?? Infinity });
    },
    take(): Behaviour | undefined {
      const head = queue[0];
      if (!head) return undefined;
      head.remaining -= 1;
      if (head.remaining <= 0) queue.shift();
      return head.behaviour;
    },
    clear(): void {
      queue = [];
    },
  };
}

export type Script = ReturnType<typeof createScript>;

export function resolveBehaviour(args: {
  model: string | undefined;
  header: string | string[] | undefined;
  script: Script;
}): Behaviour {
  const fromModel = behaviourFromModel(args.model);
  if (fromModel) return fromModel;
  const header = Array.isArray(args.header) ? args.header[0] : args.header;
  const fromHeader = header ? toBehaviour(header) : undefined;
  if (fromHeader) return fromHeader;
  return args.script.take() ?? {};
}
