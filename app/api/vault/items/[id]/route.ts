import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { deleteItemFor, updateItemFor } from "@/lib/vault/vault-service";
import { itemIdSchema, updateItemSchema } from "@/lib/vault/wire";

type Context = { params: Promise<{ id: string }> };

async function itemIdOf(context: Context): Promise<string> {
  const parsed = itemIdSchema.safeParse((await context.params).id);
  if (!parsed.success) throw new AppError({ code: "not_found", message: "No such key in your vault." });
  return parsed.data;
}

/** Renames a key or replaces it (a new envelope for the next key version). */
export function PUT(request: Request, context: Context): Promise<Response> {
  return jsonRoute("PUT /api/vault/items/[id]", async () => {
    const user = await requireUser();
    const itemId = await itemIdOf(context);
    return updateItemFor({ userId: user.id, itemId, body: await readJson({ request, schema: updateItemSchema }) });
  });
}

export function DELETE(_request: Request, context: Context): Promise<Response> {
  return jsonRoute("DELETE /api/vault/items/[id]", async () => {
    const user = await requireUser();
    await deleteItemFor({ userId: user.id, itemId: await itemIdOf(context) });
  });
}
