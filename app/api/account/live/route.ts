import { requireUser } from "@/lib/auth/current-user";
import { openLiveStream } from "@/lib/account/live-stream";
import { errorToResponse } from "@/lib/errors/to-response";

/** The account's live snapshot as server-sent events, for dashboards that stay open. */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser();
    return new Response(openLiveStream({ accountId: user.id, signal: request.signal }), {
      headers: { "content-type": "text/event-stream", "cache-control": "no-store", "x-accel-buffering": "no" },
    });
  } catch (error) {
    return errorToResponse({ error, where: "GET /api/account/live" });
  }
}
