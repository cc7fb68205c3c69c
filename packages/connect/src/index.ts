// @1relay/connect: the server-side helper for apps (authorization code + PKCE + sealed token) and
// the device flow for programs without a browser. The browser entry (src/browser.ts, exported as
// "./browser") shares authorize-url.ts, oauth-http.ts and token-response.ts with them.
export { canonicalScope, exchangeCode, revokeToken, startAuthorization, type PendingAuthorization } from "./server.js";
export { DEVICE_CODE_GRANT, pollDeviceToken, requestDeviceCode, type DeviceAuthorization, type PendingDevice } from "./device.js";
export { ConnectError, type ConnectErrorCode } from "./errors.js";
export type { RelayGrant } from "./token-response.js";
