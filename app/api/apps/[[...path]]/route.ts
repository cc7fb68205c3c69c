import { requireUser } from "@/lib/auth/current-user";
import { appPathSchema, type AppPath } from "@/lib/apps/app-path";
import {
  createClientSecretFor,
  deleteAppFor,
  listAppsFor,
  registerAppFor,
  removeClientSecretFor,
  setLogoFor,
  updateAppFor,
} from "@/lib/apps/app-service";
import { MAX_LOGO_BYTES } from "@/lib/apps/logo";
import { readBodyBytes } from "@/lib/apps/read-bytes";
import { registerAppSchema, updateAppSchema } from "@/lib/apps/wire";
import { AppError } from "@/lib/errors/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";

// The whole developer apps API in one route file (each route file adds to the worker bundle):
//   GET    /api/apps                      my apps
//   POST   /api/apps                      register (201)
//   PUT    /api/apps/{clientId}           update
//   DELETE /api/apps/{clientId}           delete
//   POST   /api/apps/{clientId}/secret    create or rotate the client secret → {clientSecret} once
//   DELETE /api/apps/{clientId}/secret    remove the client secret
//   PUT    /api/apps/{clientId}/logo      raw image bytes (type sniffed, never trusted)
// Another developer's app answers 404 exactly like a missing one.

type Context = { params: Promise<{ path?: string[] }> };

const noSuchRoute = () => new AppError({ code: "not_found", message: "No such app or action." });

async function pathOf(context: Context): Promise<AppPath> {
  const parsed = appPathSchema.safeParse((await context.params).path ?? []);
  if (!parsed.success) throw noSuchRoute();
  return parsed.data;
}

export function GET(_request: Request, context: Context): Promise<Response> {
  return jsonRoute("GET /api/apps", async () => {
    const user = await requireUser();
    const path = await pathOf(context);
    if (path.length !== 0) throw noSuchRoute();
    return listAppsFor({ userId: user.id });
  });
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const registering = ((await context.params).path ?? []).length === 0;
  return jsonRoute(
    registering ? "POST /api/apps" : "POST /api/apps/[clientId]/secret",
    async () => {
      const user = await requireUser();
      const path = await pathOf(context);
      if (path.length === 0) return registerAppFor({ userId: user.id, body: await readJson({ request, schema: registerAppSchema }) });
      if (path.length === 2 && path[1] === "secret") return createClientSecretFor({ userId: user.id, clientId: path[0] });
      throw noSuchRoute();
    },
    registering ? 201 : 200,
  );
}

export function PUT(request: Request, context: Context): Promise<Response> {
  return jsonRoute("PUT /api/apps/[clientId]", async () => {
    const user = await requireUser();
    const path = await pathOf(context);
    if (path.length === 1) return updateAppFor({ userId: user.id, clientId: path[0], body: await readJson({ request, schema: updateAppSchema }) });
    if (path.length === 2 && path[1] === "logo") {
      const bytes = await readBodyBytes({ request, limitBytes: MAX_LOGO_BYTES, tooLargeMessage: `The logo must be at most ${MAX_LOGO_BYTES / 1024} KiB.` });
      return setLogoFor({ userId: user.id, clientId: path[0], bytes });
    }
    throw noSuchRoute();
  });
}

export function DELETE(_request: Request, context: Context): Promise<Response> {
  return jsonRoute("DELETE /api/apps/[clientId]", async () => {
    const user = await requireUser();
    const path = await pathOf(context);
    if (path.length === 1) return deleteAppFor({ userId: user.id, clientId: path[0] });
    if (path.length === 2 && path[1] === "secret") return removeClientSecretFor({ userId: user.id, clientId: path[0] });
    throw noSuchRoute();
  });
}
