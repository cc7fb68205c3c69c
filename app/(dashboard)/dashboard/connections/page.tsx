import type { Metadata } from "next";
import { ConnectionsScreen } from "@/components/connections/connections-screen";

export const metadata: Metadata = { title: "Connections" };

export default function ConnectionsPage() {
  return (
    <>
      <h1>Connections</h1>
      <p>Apps you authorized, with their providers, limits and spend this month. Pausing or revoking takes effect on the very next request.</p>
      <ConnectionsScreen />
    </>
  );
}
