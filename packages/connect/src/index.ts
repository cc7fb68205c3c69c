// @1relay/connect: the server-side helper for apps (authorization code + PKCE + sealed token) and
// the device flow for programs without a browser. A browser entry can sit beside these
// (src/browser.ts, exported as "./browser") and reuse keys.ts, oauth-http.ts and token-response.ts.
export { canonicalScope, exchangeCode, revokeToken, startAuthorization, type PendingAuthorization } from "./server.js";
export { DEVICE_CODE_GRANT, pollDeviceToken, requestDeviceCode, type DeviceAuthorization, type PendingDevice } from "./device.js";
export { ConnectError, type ConnectErrorCode } from "./errors.js";
export type { RelayGrant } from "./token-response.js";
