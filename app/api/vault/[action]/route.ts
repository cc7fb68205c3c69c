import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { issueVaultNonce } from "@/lib/vault/vault-proof";
import { installSigningKeyFor } from "@/lib/vault/vault-service";
import { installSigningKeySchema } from "@/lib/vault/wire";

// The vault signing key (security model v1.1): POST /api/vault/nonce gives a single-use nonce for
// the next signed request; PUT /api/vault/signing-key installs the first key of a vault made
// before v1.1, confirmed with a fresh emailed code.

type Context = { params: Promise<{ action: string }> };
const noSuchAction = () => new AppError({ code: "not_found", message: "No such vault action." });

export function POST(_request: Request, context: Context): Promise<Response> {
  return jsonRoute("POST /api/vault/[action]", async () => {
    const user = await requireUser();
    if ((await context.params).action !== "nonce") throw noSuchAction();
    return issueVaultNonce({ userId: user.id });
  });
}

export function PUT(request: Request, context: Context): Promise<Response> {
  return jsonRoute("PUT /api/vault/[action]", async () => {
    const user = await requireUser();
    if ((await context.params).action !== "signing-key") throw noSuchAction();
    return installSigningKeyFor({ userId: user.id, body: await readJson({ request, schema: installSigningKeySchema }) });
  });
}
