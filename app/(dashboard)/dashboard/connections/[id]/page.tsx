import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConnectionDetail } from "@/components/connections/connection-detail";

export const metadata: Metadata = { title: "Connection" };

/** One app or token: spend against its cap, limits, providers and models, recent requests, controls. */
export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f]{32}$/.test(id)) notFound();
  return <ConnectionDetail id={id} />;
}
