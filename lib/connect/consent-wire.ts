import { z } from "zod";
import { createTokenSchema } from "../connections/wire";

// The consent page → server (zod both sides). The connection is built in the browser exactly
// like a scoped token; K leaves the browser only sealed to the app's key (the server cannot
// open `sealedSecret`).

export const requestIdSchema = z.string().regex(/^[0-9a-f]{32}$/, "must be 32 lowercase hex characters");

export const approveSchema = z.strictObject({
  requestId: requestIdSchema,
  connection: createTokenSchema,
  sealedSecret: z.string().max(1024).regex(/^v1\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{64}$/, "must be a v1 sealed value"),
});
export type ApproveBody = z.infer<typeof approveSchema>;

export const denySchema = z.strictObject({ requestId: requestIdSchema });

/** What the consent page does next: post the code to the opener (popup) or follow the redirect. */
export interface ConsentOutcome {
  redirectTo: string;
  targetOrigin: string;
  display: "page" | "popup";
  message: { type: "1relay:authorize"; code?: string; error?: "access_denied"; state: string; iss: string };
}
