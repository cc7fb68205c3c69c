// Hosts the Durable Objects for `npm run dev` (next dev binds to them by script
// name) and for the workerd unit tests (vitest with @cloudflare/vitest-plugin).
export { AccountDurableObject } from "./account-durable-object";

export default {
  fetch(): Response {
    return new Response("1relay dev host: Durable Objects only", { status: 404 });
  },
} satisfies ExportedHandler;
