import { defineCloudflareConfig } from "@opennextjs/cloudflare";

// No incremental cache: every page is dynamic (per-request CSP nonces) and
// nothing secret may ever be cached.
export default defineCloudflareConfig({});
