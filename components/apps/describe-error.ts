import { ApiError } from "@/lib/http/client-json";

/** The server's own message for API errors (written for people); a generic one otherwise. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Please try again.";
}
