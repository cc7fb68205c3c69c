import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";

export const metadata: Metadata = { title: "Vault" };

export default function VaultPage() {
  return (
    <>
      <h1>Vault</h1>
      <EmptyState title="Your vault is not set up yet">
        <p>Here you will create your vault with a master password that never leaves this browser, then add, reveal, replace and delete your OpenAI, Anthropic and Gemini keys. Everything is sealed with AES-256-GCM before it is stored.</p>
      </EmptyState>
    </>
  );
}
