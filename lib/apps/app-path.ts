import { z } from "zod";
import { CLIENT_ID_SYNTAX } from "../connect/codes";

// The path segments after /api/apps (one optional catch-all route serves them all):
// none, `{clientId}`, or `{clientId}/secret|logo`. Anything else is a 404.

export const clientIdSchema = z.string().regex(CLIENT_ID_SYNTAX);

export const appPathSchema = z.union([
  z.tuple([]),
  z.tuple([clientIdSchema]),
  z.tuple([clientIdSchema, z.enum(["secret", "logo"])]),
]);
export type AppPath = z.infer<typeof appPathSchema>;
