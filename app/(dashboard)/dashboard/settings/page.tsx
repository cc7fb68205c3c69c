import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { ActivityList } from "@/components/settings/activity-list";
import { DangerZone } from "@/components/settings/danger-zone";
import { SessionsList } from "@/components/settings/sessions-list";
import { VaultSettings } from "@/components/vault/vault-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Settings</h1>
      <VaultSettings email={user.email} />
      <SessionsList />
      <ActivityList />
      <DangerZone email={user.email} />
    </>
  );
}
