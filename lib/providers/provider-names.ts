import { PROVIDER_IDS, PROVIDERS } from "./registry";
import type { ProviderId } from "./types";

/** How each provider is named in messages and docs ("Gemini error (HTTP 400): …"). */
export const PROVIDER_NAMES = Object.fromEntries(PROVIDER_IDS.map((id) => [id, PROVIDERS[id].shortName])) as Record<ProviderId, string>;
