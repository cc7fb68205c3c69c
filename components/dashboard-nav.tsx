"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const dashboardSections = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/vault", label: "Vault" },
  { href: "/dashboard/connections", label: "Connections" },
  { href: "/dashboard/tokens", label: "Tokens" },
  { href: "/dashboard/agents", label: "Use with agents" },
  { href: "/dashboard/usage", label: "Usage" },
  { href: "/dashboard/apps", label: "Apps (developers)" },
  { href: "/dashboard/settings", label: "Settings" },
] as const;

export function DashboardNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard">
      <ul>
        {dashboardSections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={pathname === s.href ? "page" : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
