import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <EmptyState title="Settings arrive with your vault">
        <p>Change your master password, rotate the vault key, set the auto-lock time, sign out everywhere or revoke every connection at once.</p>
      </EmptyState>
    </>
  );
}
