"use client";

import { exactUsdOf } from "@/lib/money/money";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Loaded only through next/dynamic (ssr: false).

export interface BudgetPoint {
  name: string;
  spent: number;
  budget: number | null;
}

/** This month's spend per app against its monthly budget, in dollars. */
export default function BudgetChart({ points }: { points: BudgetPoint[] }) {
  const data = points.map((p) => ({ name: p.name, spent: p.spent, budget: p.budget ?? 0 }));
  return (
    <figure className="chart" aria-label="Spend this month per app against its budget (USD)" data-testid="budget-chart">
      <figcaption>Spend this month per app against its budget (USD)</figcaption>
      <ResponsiveContainer width="100%" height={Math.max(120, 44 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" fontSize={12} tickFormatter={(v: number) => `$${v}`} />
          <YAxis type="category" dataKey="name" width={110} fontSize={12} />
          <Tooltip formatter={(v, name) => (name === "Budget" && Number(v) === 0 ? "no cap" : exactUsdOf(Number(v)))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="spent" name="Spent" fill="#4f46e5" isAnimationActive={false} />
          <Bar dataKey="budget" name="Budget" fill="#a4bcfd" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
