"use client";

import { useState } from "react";
import { describeError } from "../ui/describe-error";
import { usageApi, type UsageParams } from "@/lib/usage/usage-api";
import type { UsageSeries, UsageSummary } from "@/lib/usage/usage-types";
import { usePolling } from "./use-polling";
import { POLL_MS } from "./use-request-log";

/** Totals and breakdowns (and, when asked, the time series) for the chosen range and filters, kept current. */
export function useUsageSummary(params: UsageParams, { series = true, by = "connection" }: { series?: boolean; by?: "connection" | "provider" } = {}) {
  const [summary, setSummary] = useState<UsageSummary | null>(null);
  const [seriesData, setSeries] = useState<UsageSeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(params);
  const seriesKey = `${key}|${by}`;
  const [prevKey, setPrevKey] = useState(key);
  const [prevSeriesKey, setPrevSeriesKey] = useState(seriesKey);
  if (prevKey !== key) {
    setPrevKey(key);
    setSummary(null);
  }
  if (prevSeriesKey !== seriesKey) {
    setPrevSeriesKey(seriesKey);
    setSeries(null);
  }
  usePolling(
    async () => {
      try {
        const [s, t] = await Promise.all([usageApi.summary(params), series ? usageApi.series({ ...params, by }) : Promise.resolve(null)]);
        setSummary(s);
        setSeries(t);
        setError(null);
      } catch (e) {
        setError(describeError(e));
      }
    },
    POLL_MS,
    [seriesKey, series],
  );
  return { summary, series: seriesData, error };
}
