import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { ActivityList } from "@/components/settings/activity-list";
import { DangerZone } from "@/components/settings/danger-zone";
import { SessionsList } from "@/components/settings/sessions-list";
import { VaultSettings } from "@/components/vault/vault-settings";
import { PasskeysSection } from "@/components/passkeys/passkeys-section";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Settings</h1>
      <p className="hint">
        What your vault protects against, and what it does not: <Link href="/security">security and threat model</Link>.
      </p>
      <VaultSettings email={user.email} />
      <PasskeysSection />
      <SessionsList />
      <ActivityList />
      <DangerZone email={user.email} />
    </>
  );
}
