import type { Metadata } from "next";
import { UsageScreen } from "@/components/usage/usage-screen";

export const metadata: Metadata = { title: "Usage" };

export default function UsagePage() {
  return (
    <>
      <h1>Usage</h1>
      <p>Requests, tokens and spend by app, provider and model. Times are UTC. Prompts and completions are never stored.</p>
      <UsageScreen />
    </>
  );
}
