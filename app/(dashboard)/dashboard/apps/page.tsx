import type { Metadata } from "next";
import Link from "next/link";
import { AppsScreen } from "@/components/apps/apps-screen";

export const metadata: Metadata = { title: "Apps" };

export default function AppsPage() {
  return (
    <>
      <h1>Apps (developers)</h1>
      <p>
        Register your app to let people connect their AI keys to it: you get a client ID, people see your name, logo and description on the consent page, and
        codes go only to the exact redirect URIs you list. <Link href="/dashboard/apps/docs">Integration docs</Link>
      </p>
      <AppsScreen />
    </>
  );
}
