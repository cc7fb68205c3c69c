import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { removePasskeyFor } from "@/lib/passkeys/passkey-service";
import { credentialIdSchema } from "@/lib/passkeys/wire";

type Context = { params: Promise<{ id: string }> };

/** Removes one of the account's passkeys, its wrapped vault key with it (the session alone may: it restricts). */
export function DELETE(_request: Request, context: Context): Promise<Response> {
  return jsonRoute("DELETE /api/passkeys/[id]", async () => {
    const user = await requireUser();
    const id = credentialIdSchema.safeParse((await context.params).id);
    if (!id.success) throw new AppError({ code: "not_found", message: "No such passkey." });
    await removePasskeyFor({ userId: user.id, credentialId: id.data });
  });
}
