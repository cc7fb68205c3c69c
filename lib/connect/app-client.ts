/**
 * The app-side helper now lives in the package an app developer installs,
 * `packages/connect` (`@1relay/connect`); this re-export keeps the project's own
 * imports working. One copy of the logic.
 */
export { ConnectError, exchangeCode, revokeToken, startAuthorization, type ConnectErrorCode, type PendingAuthorization } from "../../packages/connect/src/server";
