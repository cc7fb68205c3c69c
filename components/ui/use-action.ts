"use client";

import { useCallback, useRef, useState } from "react";
import { describeError } from "./describe-error";

export interface Action {
  /** The name of the work in progress ("approve", "deny"…; "busy" by default), or null when idle. */
  pending: string | null;
  busy: boolean;
  /** The last failure, as a sentence for the person. */
  error: string | null;
  /** Shows a problem found before any work (a form check). */
  fail(message: string): void;
  clearError(): void;
  /**
   * Runs `work` unless something is already running: busy while it runs, its failure kept as a
   * sentence. Resolves true when it succeeded. With `keepBusy`, a success leaves it busy (the
   * page is navigating away).
   */
  run(work: () => Promise<unknown>, options?: { name?: string; keepBusy?: boolean }): Promise<boolean>;
}

/** The busy / error pattern of every form and button that calls the server. */
export function useAction(): Action {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  const run = useCallback(async (work: () => Promise<unknown>, options: { name?: string; keepBusy?: boolean } = {}) => {
    if (running.current) return false;
    running.current = true;
    setPending(options.name ?? "busy");
    setError(null);
    try {
      await work();
      if (!options.keepBusy) {
        setPending(null);
        running.current = false;
      }
      return true;
    } catch (e) {
      setError(describeError(e));
      setPending(null);
      running.current = false;
      return false;
    }
  }, []);

  return {
    pending,
    busy: pending !== null,
    error,
    fail: setError,
    clearError: useCallback(() => setError(null), []),
    run,
  };
}
