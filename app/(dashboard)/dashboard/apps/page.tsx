import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";

export const metadata: Metadata = { title: "Apps (developers)" };

export default function AppsPage() {
  return (
    <>
      <h1>Apps (developers)</h1>
      <EmptyState title="No apps registered">
        <p>Register your app to let people connect their AI keys to it: a client id, exact redirect URIs and a logo for the consent page.</p>
      </EmptyState>
    </>
  );
}
