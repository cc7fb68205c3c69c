import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";

export const metadata: Metadata = { title: "Usage" };

export default function UsagePage() {
  return (
    <>
      <h1>Usage</h1>
      <EmptyState title="No requests yet">
        <p>Every request through the gateway will be listed here by app, provider and model, with tokens, cost and latency, in real time. Prompts and completions are never stored.</p>
      </EmptyState>
    </>
  );
}
