import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { VaultScreen } from "@/components/vault/vault-screen";

export const metadata: Metadata = { title: "Vault" };

export default async function VaultPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Vault</h1>
      <p>Your provider keys, sealed with AES-256-GCM under a key only your master password (or a passkey you added) opens, in this browser.</p>
      <VaultScreen email={user.email} />
    </>
  );
}
