import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";

export const metadata: Metadata = { title: "Connections" };

export default function ConnectionsPage() {
  return (
    <>
      <h1>Connections</h1>
      <EmptyState title="No apps connected">
        <p>Apps you authorize through the 1Relay consent page appear here, with their providers, limits, spend this month and a Revoke button.</p>
      </EmptyState>
    </>
  );
}
