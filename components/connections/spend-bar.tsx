import { formatUsd, formatUsdAmount, usdToMicroUsd } from "@/lib/money/money";

/** This month's spend against a connection's budget (or just the spend, without one). */
export function SpendBar({ spentMicroUsd, reservedMicroUsd, budgetUsd }: { spentMicroUsd: number; reservedMicroUsd: number; budgetUsd: number | null }) {
  const inFlight = reservedMicroUsd > 0 ? ` (+${formatUsd(reservedMicroUsd)} in flight)` : "";
  if (budgetUsd === null) return <div className="hint" data-testid="spend">{formatUsd(spentMicroUsd)} spent this month{inFlight} · no budget cap</div>;
  const budgetMicro = usdToMicroUsd(budgetUsd);
  const percent = budgetMicro === 0 ? 100 : Math.min(100, Math.round((spentMicroUsd / budgetMicro) * 100));
  return (
    <div className="spend" data-testid="spend">
      <div className="progress-label">
        {formatUsd(spentMicroUsd)} of {formatUsdAmount(budgetUsd)} this month{inFlight}
      </div>
      <progress max={100} value={percent} aria-label={`Spend this month: ${percent}% of the budget`} />
    </div>
  );
}
