"use client";

import { useEffect, useRef } from "react";

/** Runs `load` now and every `ms` while the tab is visible (and once more when it comes back). */
export function usePolling(load: () => Promise<void>, ms: number, deps: readonly unknown[]): void {
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    let stopped = false;
    const tick = () => {
      if (!stopped && document.visibilityState === "visible") void latest.current();
    };
    tick();
    const timer = setInterval(tick, ms);
    document.addEventListener("visibilitychange", tick);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restarts when the query changes
  }, [ms, ...deps]);
}
