import Link from "next/link";

/** On every page: the threat model, what is kept about people, and how to reach whoever runs this 1Relay. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <span>1Relay</span>
      <Link href="/security">Security</Link>
      <Link href="/privacy">Privacy</Link>
      <Link href="/privacy#contact">Contact</Link>
    </footer>
  );
}
