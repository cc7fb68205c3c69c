import type { Metadata } from "next";
import { RecentRequests } from "@/components/usage/recent-requests";

export const metadata: Metadata = { title: "Usage" };

export default function UsagePage() {
  return (
    <>
      <h1>Usage</h1>
      <p>Every request through your tokens: provider, model, tokens, cost and latency. Prompts and completions are never stored.</p>
      <RecentRequests />
    </>
  );
}
