import { ApiError, callJson } from "../http/client-json";
import type { AppSummary, RegisterAppBody, UpdateAppBody } from "./wire";

// The developer dashboard's calls to /api/apps (one route file serves them all).

const appPath = (clientId: string, action?: "secret" | "logo") => `/api/apps/${encodeURIComponent(clientId)}${action ? `/${action}` : ""}`;

/** Sends the file's raw bytes; the server decides the type from the bytes themselves. */
async function uploadLogo(clientId: string, file: Blob): Promise<AppSummary> {
  const response = await fetch(appPath(clientId, "logo"), { method: "PUT", body: file, credentials: "same-origin", cache: "no-store" });
  const body = (await response.json().catch(() => null)) as (AppSummary & { error?: { code: string; message: string } }) | null;
  if (!response.ok || body === null) throw new ApiError(response.status, body?.error?.code ?? "unknown", body?.error?.message ?? `Upload failed (${response.status}).`);
  return body;
}

export const appsApi = {
  list: async () => (await callJson<{ apps: AppSummary[] }>("/api/apps")).apps,
  register: (body: RegisterAppBody) => callJson<AppSummary>("/api/apps", { method: "POST", body }),
  update: (clientId: string, body: UpdateAppBody) => callJson<AppSummary>(appPath(clientId), { method: "PUT", body }),
  remove: (clientId: string) => callJson<void>(appPath(clientId), { method: "DELETE" }),
  /** Creates or rotates the client secret: the answer is the only time it is shown. */
  createSecret: (clientId: string) => callJson<{ clientSecret: string; app: AppSummary }>(appPath(clientId, "secret"), { method: "POST" }),
  removeSecret: (clientId: string) => callJson<AppSummary>(appPath(clientId, "secret"), { method: "DELETE" }),
  uploadLogo,
};
