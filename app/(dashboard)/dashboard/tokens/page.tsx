import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";

export const metadata: Metadata = { title: "Tokens" };

export default function TokensPage() {
  return (
    <>
      <h1>Tokens</h1>
      <EmptyState title="No tokens yet">
        <p>Make a scoped relay token for a bot or agent: choose which keys it may use, which models, a monthly budget and a rate limit. The token is shown once.</p>
      </EmptyState>
    </>
  );
}
