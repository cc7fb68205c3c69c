// Environment that switches off every "phone home" of the toolchain, so that
// building and serving work with no internet.
export const offlineEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  DO_NOT_TRACK: "1",
};
