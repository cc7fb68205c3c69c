// GET /v1/health → {"ok":true}: no auth, no bindings, no I/O. A liveness check for load
// balancers and uptime monitors, and the benchmark's floor (a bare Next route handler,
// docs/decisions/010-performance.md). Imports nothing, so it adds as little as a route can.
export function GET(): Response {
  return new Response('{"ok":true}', { headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
