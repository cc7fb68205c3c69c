import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { VaultSettings } from "@/components/vault/vault-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Settings</h1>
      <VaultSettings email={user.email} />
    </>
  );
}
