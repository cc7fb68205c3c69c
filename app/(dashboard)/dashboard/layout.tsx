import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { DashboardNav } from "@/components/dashboard-nav";
import { SignOutButton } from "@/components/sign-out-button";
import { SiteHeader } from "@/components/site-header";
import { UnlockNote } from "@/components/vault/unlock-note";
import { VaultLockBadge } from "@/components/vault/vault-lock-badge";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) {
    const here = safeCallbackPath((await headers()).get("x-pathname"));
    redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  }
  return (
    <>
      <SiteHeader>
        <VaultLockBadge />
        <span data-testid="signed-in-as">{user.email}</span>
        <SignOutButton />
      </SiteHeader>
      <div className="dashboard">
        <aside className="sidebar">
          <DashboardNav />
        </aside>
        <main className="main">
          <UnlockNote />
          {children}
        </main>
      </div>
    </>
  );
}
