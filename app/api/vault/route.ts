import { currentSessionTag } from "@/lib/auth/current-session";
import { requireUser } from "@/lib/auth/current-user";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { createVaultFor, getVaultState, rewrapVaultFor, rotateVaultFor } from "@/lib/vault/vault-service";
import { createVaultSchema, rewrapVaultSchema, rotateVaultSchema } from "@/lib/vault/wire";

/** The signed-in person's vault: salt, parameters, wrapped key and sealed items. */
export function GET(): Promise<Response> {
  return jsonRoute("GET /api/vault", async () => ({ ...(await getVaultState({ userId: (await requireUser()).id })), sessionTag: await currentSessionTag() }));
}

/** Creates the vault (once). */
export function POST(request: Request): Promise<Response> {
  return jsonRoute(
    "POST /api/vault",
    async () => {
      const user = await requireUser();
      return createVaultFor({ userId: user.id, body: await readJson({ request, schema: createVaultSchema }) });
    },
    201,
  );
}

/** Re-wraps the vault key (password change, parameter upgrade), compare-and-swap on version. */
export function PUT(request: Request): Promise<Response> {
  return jsonRoute("PUT /api/vault", async () => {
    const user = await requireUser();
    return rewrapVaultFor({ userId: user.id, body: await readJson({ request, schema: rewrapVaultSchema }) });
  });
}

/** Rotates the vault key: every item and connection key re-sealed under a new VK, atomically. */
export function PATCH(request: Request): Promise<Response> {
  return jsonRoute("PATCH /api/vault", async () => {
    const user = await requireUser();
    return rotateVaultFor({ userId: user.id, body: await readJson({ request, schema: rotateVaultSchema, limitBytes: 2 * 1024 * 1024 }) });
  });
}
