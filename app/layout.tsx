import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import "./globals.css";

// Every page is rendered per request: each response carries its own CSP nonce.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "1Relay: your AI keys, in apps you trust, within limits you set", template: "%s · 1Relay" },
  description:
    "A zero-knowledge vault for OpenAI, Anthropic and Gemini API keys. Apps get scoped relay tokens with budgets and rate limits, never your keys.",
  referrer: "no-referrer",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request headers keeps rendering dynamic, so Next applies the nonce.
  await headers();
  return (
    <html lang="en">
      <body>
        {children}
        <SiteFooter />
      </body>
    </html>
  );
}
