"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisUsd, exactUsdOf } from "@/lib/money/money";
import type { UsageSeries } from "@/lib/usage/usage-types";
import { colorAt } from "./chart-colors";
import { bucketLabel } from "./format";

// recharts stays in the browser bundle: this file is only loaded through next/dynamic (ssr: false).

function StackedChart({ series, metric, title }: { series: UsageSeries; metric: "cost" | "req"; title: string }) {
  const bucket = series.range.bucket;
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={series.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="t" tickFormatter={(t: number) => bucketLabel(t, bucket)} minTickGap={12} fontSize={12} />
          <YAxis width={72} fontSize={12} allowDecimals={metric === "cost"} tickFormatter={(v: number) => (metric === "cost" ? axisUsd(v) : String(v))} />
          <Tooltip
            labelFormatter={(t) => `${new Date(Number(t)).toISOString().slice(0, bucket === "hour" ? 16 : 10).replace("T", " ")} UTC`}
            formatter={(v) => (metric === "cost" ? exactUsdOf(Number(v)) : String(v))}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.keys.map((k, i) => (
            <Bar key={k.key} dataKey={`${metric}:${k.key}`} name={k.label} stackId="s" fill={colorAt(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Spend and requests over time, stacked by app or provider (hours for today, days otherwise; UTC). */
export default function SeriesCharts({ series }: { series: UsageSeries }) {
  const by = series.by === "connection" ? "app" : "provider";
  const unit = series.range.bucket === "hour" ? "hour" : "day";
  return (
    <div className="charts" data-testid="series-charts">
      <StackedChart series={series} metric="cost" title={`Spend per ${unit} by ${by} (USD, UTC)`} />
      <StackedChart series={series} metric="req" title={`Requests per ${unit} by ${by} (UTC)`} />
    </div>
  );
}
