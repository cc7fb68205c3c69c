"use client";

import { useCallback, useState } from "react";
import { describeError } from "../ui/describe-error";
import { usageApi, type UsageParams } from "@/lib/usage/usage-api";
import type { UsageLogRow } from "@/lib/usage/usage-types";
import { usePolling } from "./use-polling";

export const POLL_MS = 4_000;

/**
 * The request log: the first page kept current by polling, older pages appended on demand
 * (keyset cursor). New requests show up at the top within a poll.
 */
export function useRequestLog(params: UsageParams, pageSize = 25) {
  const [rows, setRows] = useState<UsageLogRow[] | null>(null);
  const [older, setOlder] = useState<{ rows: UsageLogRow[]; cursor: string | null } | null>(null);
  const [firstCursor, setFirstCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const key = JSON.stringify(params);

  const refresh = useCallback(async () => {
    try {
      const page = await usageApi.log(params, undefined, pageSize);
      setRows(page.rows);
      setFirstCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- params are compared by value (key)
  }, [key, pageSize]);

  usePolling(
    async () => {
      await refresh();
    },
    POLL_MS,
    [key],
  );

  const [prevKey, setPrevKey] = useState(key);
  if (prevKey !== key) {
    setPrevKey(key);
    setRows(null);
    setOlder(null);
  }

  const cursor = older ? older.cursor : firstCursor;
  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await usageApi.log(params, cursor, pageSize);
      setOlder((o) => ({ rows: [...(o?.rows ?? []), ...page.rows], cursor: page.nextCursor }));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoadingMore(false);
    }
  };

  // The first page moves as requests arrive; older pages keep what they had, without repeats.
  const seen = new Set(rows?.map((r) => r.id));
  const all = rows === null ? null : [...rows, ...(older?.rows.filter((r) => !seen.has(r.id)) ?? [])];
  return { rows: all, error, hasMore: cursor !== null, loadMore, loadingMore };
}
