import Link from "next/link";
import type { ReactNode } from "react";

export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        1<span>Relay</span>
      </Link>
      <div className="user-menu">{children}</div>
    </header>
  );
}
