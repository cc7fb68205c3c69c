import type { ConnectionSummary } from "./wire";

// When and how a connection was made, and its short id: what tells two connections of the same
// app apart on the connections pages and the Overview. Pure.

const VIA: Record<string, string> = { dashboard: "in the dashboard", "consent-page": "on the consent page", "consent-popup": "in the consent popup", device: "by device authorization (a terminal)" };

const when = (ms: number) => `${new Date(ms).toISOString().replace("T", " ").slice(0, 16)} UTC`;

export function describeOrigin(c: Pick<ConnectionSummary, "id" | "createdAt" | "createdVia">): string {
  const via = c.createdVia ? ` ${VIA[c.createdVia]}` : "";
  return `Made ${when(c.createdAt)}${via} · id ${c.id.slice(0, 8)}`;
}
