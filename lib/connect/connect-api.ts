import { callJson } from "../http/client-json";
import type { ConsentOutcome } from "./consent-wire";

/** The consent page's calls (browser side). */
export const connectApi = {
  approve: (body: unknown) => callJson<ConsentOutcome>("/api/connect/approve", { method: "POST", body }),
  deny: (requestId: string) => callJson<ConsentOutcome>("/api/connect/deny", { method: "POST", body: { requestId } }),
  approveDevice: (body: unknown) => callJson<{ approved: true }>("/api/connect/device-approve", { method: "POST", body }),
  denyDevice: (requestId: string) => callJson<{ denied: true }>("/api/connect/device-deny", { method: "POST", body: { requestId } }),
};
