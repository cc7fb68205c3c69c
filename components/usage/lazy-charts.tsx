"use client";

import dynamic from "next/dynamic";

// The charts (recharts) load in the browser only, after the page: never in the server bundle.
const loading = () => <div className="chart-placeholder" role="status">Loading chart…</div>;

export const SeriesCharts = dynamic(() => import("./series-charts"), { ssr: false, loading });
export const BudgetChart = dynamic(() => import("./budget-chart"), { ssr: false, loading });
