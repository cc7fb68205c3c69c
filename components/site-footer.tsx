import Link from "next/link";

/** On every page: where the threat model lives. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <span>1Relay</span>
      <Link href="/security">Security and threat model</Link>
    </footer>
  );
}
