import Link from "next/link";
import type { ReactNode } from "react";
import { BrandMark } from "./brand-mark";

export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        <BrandMark />
        <span>
          1<span>Relay</span>
        </span>
      </Link>
      {children ? <div className="user-menu">{children}</div> : null}
    </header>
  );
}
