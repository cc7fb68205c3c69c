import { describeOrigins } from "@/lib/http/origins";

/** The web origins an app registered (decision 022), said on the consent page before anything is chosen. */
export function AppOrigins({ origins }: { origins: readonly string[] }) {
  if (origins.length === 0) return null;
  return (
    <p className="hint origins-line" data-testid="app-origins">
      It will call 1Relay from {describeOrigins(origins)}. In a browser, the token works only on {origins.length === 1 ? "that site" : "those sites"}.
    </p>
  );
}
