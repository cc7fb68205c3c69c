import { errorToResponse } from "../errors/to-response";

/**
 * Wraps a route handler body: its result becomes a JSON response (never cached),
 * any thrown error goes through the one error mapper.
 */
export async function jsonRoute(where: string, run: () => Promise<unknown>, status = 200): Promise<Response> {
  try {
    const result = await run();
    if (result === undefined) return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
    return Response.json(result, { status, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorToResponse({ error, where });
  }
}
