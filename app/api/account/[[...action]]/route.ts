import { z } from "zod";
import { getAccountSnapshot } from "@/lib/account/account-object";
import { deleteAccountFor, listAuditFor, listSessionsFor, resetVaultFor, signOutEverywhereFor } from "@/lib/account/account-service";
import { requireUser } from "@/lib/auth/current-user";
import { setAccountCapFor } from "@/lib/connections/connection-service";
import { AppError } from "@/lib/errors/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { requestEmailConfirmation } from "@/lib/account/email-confirmation";
import { resetVaultSchema, vaultProofSchema } from "@/lib/vault/wire";

// The signed-in account (one route file for all of it): GET / (live state from the Durable
// Object), PUT / (account-wide monthly cap: raising or removing it needs the vault's signature),
// GET /sessions, DELETE /sessions (sign out everywhere), GET /activity (the audit list),
// POST /confirmations (email a fresh confirmation code), PUT /vault (reset a forgotten vault: the
// new vault comes in the same request, decision 024) and DELETE / (delete the account), both
// with that code.

type Context = { params: Promise<{ action?: string[] }> };
const noSuchAction = () => new AppError({ code: "not_found", message: "No such account action." });

async function actionOf(context: Context): Promise<string> {
  const action = (await context.params).action ?? [];
  if (action.length > 1) throw noSuchAction();
  return action[0] ?? "";
}

export function GET(_request: Request, context: Context): Promise<Response> {
  return jsonRoute("GET /api/account", async () => {
    const user = await requireUser();
    switch (await actionOf(context)) {
      case "":
        return getAccountSnapshot({ accountId: user.id });
      case "sessions":
        return { sessions: await listSessionsFor({ userId: user.id }) };
      case "activity":
        return { events: await listAuditFor({ userId: user.id }) };
      default:
        throw noSuchAction();
    }
  });
}

const capSchema = z.strictObject({ monthlyCapUsd: z.number().min(0).max(1_000_000).nullable(), proof: vaultProofSchema.optional() });

export function PUT(request: Request, context: Context): Promise<Response> {
  return jsonRoute("PUT /api/account", async () => {
    const user = await requireUser();
    switch (await actionOf(context)) {
      case "": {
        const { monthlyCapUsd, proof } = await readJson({ request, schema: capSchema });
        await setAccountCapFor({ userId: user.id, monthlyCapUsd, proof });
        return { monthlyCapUsd };
      }
      case "vault":
        return resetVaultFor({ userId: user.id, body: await readJson({ request, schema: resetVaultSchema }) });
      default:
        throw noSuchAction();
    }
  });
}

const confirmationSchema = z.strictObject({ purpose: z.enum(["vault_signing_key", "vault_reset", "account_delete"]) });

export function POST(request: Request, context: Context): Promise<Response> {
  return jsonRoute(
    "POST /api/account",
    async () => {
      const user = await requireUser();
      if ((await actionOf(context)) !== "confirmations") throw noSuchAction();
      const { purpose } = await readJson({ request, schema: confirmationSchema });
      await requestEmailConfirmation({ userId: user.id, email: user.email, purpose });
      return { sent: true };
    },
    202,
  );
}

const signOutSchema = z.strictObject({ includingThis: z.boolean() });
const deleteSchema = z.strictObject({ confirmEmail: z.string().max(320), emailCode: z.string().max(20) });

export function DELETE(request: Request, context: Context): Promise<Response> {
  return jsonRoute("DELETE /api/account", async () => {
    const user = await requireUser();
    switch (await actionOf(context)) {
      case "sessions":
        return signOutEverywhereFor({ userId: user.id, ...(await readJson({ request, schema: signOutSchema })) });
      case "vault":
        // A reset that only deleted left the account without a vault, for a session alone to create.
        throw new AppError({ code: "not_found", message: "Resetting the vault now sends the new vault with it. Reload the page and try again." });
      case "": {
        const { confirmEmail, emailCode } = await readJson({ request, schema: deleteSchema });
        await deleteAccountFor({ userId: user.id, email: user.email, confirmEmail, emailCode });
        return { deleted: true };
      }
      default:
        throw noSuchAction();
    }
  });
}
