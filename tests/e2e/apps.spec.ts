import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { hashClientSecret } from "../../lib/connect/codes";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { allLocalStateFiles, openLocalD1 } from "./helpers/local-d1";
import { secretForms } from "./helpers/secret-forms";

// Dashboard → Apps, the developer side of app authorization: register an app, judge its
// redirect URIs, upload a logo (served from our origin, type sniffed), make, rotate and
// remove a client secret (shown once, stored hashed), and keep one developer's apps out of
// another's reach.

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 RGBA PNG (PNG spec: signature, IHDR, IDAT, IEND). */
function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA; compression, filter, interlace 0
  const scanline = Buffer.from([0, 0x3b, 0x3b, 0xd1, 0xff]); // filter type 0, one pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(scanline)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script></svg>');

function appRow(page: Page, name: string): Locator {
  return page.getByTestId("app-row").filter({ has: page.locator("strong", { hasText: name }) });
}

function appRecord(clientId: string): Record<string, unknown> | undefined {
  const db = openLocalD1();
  try {
    return db.prepare("SELECT * FROM apps WHERE client_id = ?").get(clientId) as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

test.describe.serial("a developer's apps", () => {
  let page: Page;
  let clientId: string;
  let origin: { origin: string };
  const png = tinyPng();

  test.beforeAll(async ({ browser, baseURL }) => {
    origin = { origin: baseURL! };
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("developer"), baseURL!);
    await page.getByRole("link", { name: "Apps (developers)", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard\/apps$/);
    await expect(page.getByText("No apps yet.")).toBeVisible();
  });

  test.afterAll(async () => {
    await page.close();
  });

  test("registers an app and shows its client id", async () => {
    const form = page.getByRole("form", { name: "Register an app" });
    await form.getByLabel("App name", { exact: true }).fill("Acme Notes");
    await form.getByLabel("Homepage", { exact: true }).fill("https://acme.example");
    await form.getByLabel("Description", { exact: true }).fill("Writes your meeting notes.");
    await form.getByLabel("Redirect URIs", { exact: true }).fill("https://acme.example/callback\nhttps://acme.example/other");
    await form.getByRole("button", { name: "Register app" }).click();

    const row = appRow(page, "Acme Notes");
    await expect(row.getByTestId("client-id")).toHaveText(/^app_[0-9a-f]{24}$/);
    clientId = (await row.getByTestId("client-id").textContent())!;
    await expect(row.getByTestId("client-type")).toHaveText("Public");
    await expect(row.getByTestId("redirect-uris")).toContainText("https://acme.example/callback");
    await expect(form.getByLabel("App name", { exact: true })).toHaveValue("");

    // Stored for this account, and still there after a reload.
    await page.reload();
    await expect(appRow(page, "Acme Notes").getByTestId("client-id")).toHaveText(clientId);
    expect(appRecord(clientId)).toMatchObject({
      name: "Acme Notes",
      homepage: "https://acme.example",
      description: "Writes your meeting notes.",
      redirect_uris: JSON.stringify(["https://acme.example/callback", "https://acme.example/other"]),
      secret_hash: null,
      logo_type: null,
    });
  });

  test("redirect URIs: http off loopback is refused with a message, http://127.0.0.1 with any port is accepted", async () => {
    const form = page.getByRole("form", { name: "Register an app" });
    await form.getByLabel("App name", { exact: true }).fill("Loopback tool");
    await form.getByLabel("Homepage", { exact: true }).fill("https://tool.example");
    await form.getByLabel("Redirect URIs", { exact: true }).fill("https://tool.example/cb\nhttp://tool.example/cb");
    await form.getByRole("button", { name: "Register app" }).click();
    await expect(form.locator(".alert.error[role=alert]")).toContainText("Redirect URI 2: A redirect URI must use https; http is allowed only on loopback");
    await expect(appRow(page, "Loopback tool")).toHaveCount(0);

    // The server judges it the same way when the form is bypassed.
    const refused = await page.request.post("/api/apps", {
      data: { name: "Loopback tool", homepage: "https://tool.example", description: "", redirectUris: ["http://tool.example/cb"] },
      headers: origin,
    });
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("http is allowed only on loopback");

    await form.getByLabel("Redirect URIs", { exact: true }).fill("http://127.0.0.1:5555/cb");
    await form.getByRole("button", { name: "Register app" }).click();
    const row = appRow(page, "Loopback tool");
    await expect(row.getByTestId("redirect-uris")).toHaveText("http://127.0.0.1:5555/cb");
    await expect(form.locator(".alert.error[role=alert]")).toHaveCount(0);
  });

  test("a PNG logo is stored and served from our origin; an SVG is refused", async () => {
    const row = appRow(page, "Acme Notes");
    await row.getByLabel("Logo", { exact: true }).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    await row.getByRole("button", { name: "Upload logo" }).click();
    const img = row.getByRole("img", { name: "Acme Notes logo" });
    await expect(img).toHaveAttribute("src", `/connect/logo/${clientId}?v=1`);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1);

    const logo = await page.request.get(`/connect/logo/${clientId}`);
    expect(logo.status()).toBe(200);
    const headers = logo.headers();
    expect(headers["content-type"]).toBe("image/png");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cross-origin-resource-policy"]).toBe("same-origin");
    expect(headers["cache-control"]).toBe("public, max-age=300");
    // The logo's own locked-down CSP (the page CSP that middleware.ts sets must not replace it).
    expect(headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await logo.body())).toEqual(png);
    expect((await page.request.get("/connect/logo/app_ffffffffffffffffffffffff")).status()).toBe(404);

    // An SVG (script inside) is refused, whatever name or type the browser gives it.
    await row.getByLabel("Logo", { exact: true }).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: svg });
    await row.getByRole("button", { name: "Upload logo" }).click();
    await expect(row.locator(".alert.error[role=alert]")).toContainText("SVG");
    const direct = await page.request.put(`/api/apps/${clientId}/logo`, { data: svg, headers: { ...origin, "content-type": "image/png" } });
    expect(direct.status()).toBe(400);

    // The type comes from the bytes, never from the content-type sent with them.
    const lying = await page.request.put(`/api/apps/${clientId}/logo`, { data: png, headers: { ...origin, "content-type": "text/html" } });
    expect(lying.status()).toBe(200);
    expect(((await lying.json()) as { logoVersion: number }).logoVersion).toBe(2);
    expect((await page.request.get(`/connect/logo/${clientId}?v=2`)).headers()["content-type"]).toBe("image/png");
    expect(appRecord(clientId)).toMatchObject({ logo_type: "image/png", logo_version: 2, logo_data: png.toString("base64") });
  });

  test("a client secret is shown once, stored only as a hash, and rotates to a new one", async () => {
    const row = appRow(page, "Acme Notes");
    await row.getByRole("button", { name: "Create client secret" }).click();
    const shown = row.getByTestId("client-secret");
    await expect(shown).toHaveText(/^1rs_[A-Za-z0-9_-]{43}$/);
    const secret = (await shown.textContent())!;
    await expect(row).toContainText("it will not be shown again");
    await expect(row.getByTestId("client-type")).toHaveText("Confidential");
    await expect(row).toContainText(`1rs_…${secret.slice(-4)}`);

    const stored = appRecord(clientId)!;
    expect(stored.secret_hash).not.toBe(secret);
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.secret_hash).toBe(hashClientSecret(secret));
    // Not in any form in D1's files (WAL included), nor anywhere else in the local state.
    const forms = secretForms(secret);
    for (const file of allLocalStateFiles()) {
      const content = readFileSync(file).toString("latin1");
      const leaked = forms.findIndex((form) => content.includes(form));
      expect(leaked, `${file} holds the client secret (form #${leaked})`).toBe(-1);
    }

    // Once dismissed it is gone for good: not on the page, not in the API.
    await row.getByRole("button", { name: "Done" }).click();
    await expect(row.getByTestId("client-secret")).toHaveCount(0);
    await page.reload();
    await expect(appRow(page, "Acme Notes").getByTestId("client-type")).toHaveText("Confidential");
    await expect(page.locator("main")).not.toContainText(secret);
    const listed = await (await page.request.get("/api/apps")).text();
    expect(listed).not.toContain(secret);
    expect(listed).not.toContain(String(stored.secret_hash));

    const again = appRow(page, "Acme Notes");
    await again.getByRole("button", { name: "Rotate client secret" }).click();
    await again.getByRole("button", { name: "Yes, rotate" }).click();
    await expect(again.getByTestId("client-secret")).toHaveText(/^1rs_[A-Za-z0-9_-]{43}$/);
    const rotated = (await again.getByTestId("client-secret").textContent())!;
    expect(rotated).not.toBe(secret);
    expect(appRecord(clientId)!.secret_hash).toBe(hashClientSecret(rotated));
    await again.getByRole("button", { name: "Done" }).click();

    await again.getByRole("button", { name: "Remove client secret" }).click();
    await again.getByRole("button", { name: "Yes, remove" }).click();
    await expect(again.getByTestId("client-type")).toHaveText("Public");
    expect(appRecord(clientId)).toMatchObject({ secret_hash: null, secret_hint: null });

    await again.getByRole("button", { name: "Create client secret" }).click();
    await expect(again.getByTestId("client-secret")).toHaveText(/^1rs_/);
    await again.getByRole("button", { name: "Done" }).click();
  });

  test("editing changes the app's details", async () => {
    const row = appRow(page, "Acme Notes");
    await row.getByRole("button", { name: "Edit", exact: true }).click();
    const edit = page.getByRole("form", { name: "Edit Acme Notes" });
    await edit.getByLabel("Description", { exact: true }).fill("Writes and files your meeting notes.");
    await edit.getByLabel("Redirect URIs", { exact: true }).fill("https://acme.example/callback\nhttp://[::1]/callback");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toHaveCount(0);
    await expect(row).toContainText("Writes and files your meeting notes.");
    await expect(row.getByTestId("redirect-uris")).toContainText("http://[::1]/callback");
    expect(appRecord(clientId)).toMatchObject({ redirect_uris: JSON.stringify(["https://acme.example/callback", "http://[::1]/callback"]) });
  });

  test("another developer cannot see, edit, delete, or set a secret or logo on this app", async ({ browser, baseURL }) => {
    const before = JSON.stringify(appRecord(clientId));
    const context = await browser.newContext({ baseURL });
    const otherPage = await context.newPage();
    await signInWithCode(otherPage, browser, uniqueEmail("other-developer"), baseURL!);
    const api = otherPage.request;
    const body = { name: "Pwned", homepage: "https://evil.example", description: "", redirectUris: ["https://evil.example/cb"] };

    const theirs = await api.post("/api/apps", { data: { ...body, name: "Their app" }, headers: origin });
    expect(theirs.status()).toBe(201);
    const list = await api.get("/api/apps");
    expect(list.status()).toBe(200);
    const listed = (await list.json()) as { apps: { name: string }[] };
    expect(listed.apps.map((a) => a.name)).toEqual(["Their app"]);
    expect(JSON.stringify(listed)).not.toContain(clientId);

    const attempts = (id: string) => [
      api.put(`/api/apps/${id}`, { data: body, headers: origin }),
      api.delete(`/api/apps/${id}`, { headers: origin }),
      api.post(`/api/apps/${id}/secret`, { headers: origin }),
      api.delete(`/api/apps/${id}/secret`, { headers: origin }),
      api.put(`/api/apps/${id}/logo`, { data: png, headers: { ...origin, "content-type": "image/png" } }),
    ];
    const onOurs = await Promise.all(attempts(clientId));
    const onMissing = await Promise.all(attempts("app_ffffffffffffffffffffffff"));
    expect(onOurs.map((r) => r.status())).toEqual([404, 404, 404, 404, 404]);
    // Exactly like an app that does not exist.
    for (let i = 0; i < onOurs.length; i += 1) expect(await onOurs[i]!.json()).toEqual(await onMissing[i]!.json());
    expect(JSON.stringify(appRecord(clientId))).toBe(before);

    // Signed out: 401 everywhere, nothing changes.
    const anonymous = await browser.newContext({ baseURL });
    const anon = anonymous.request;
    const statuses = await Promise.all([
      anon.get("/api/apps"),
      anon.post("/api/apps", { data: body, headers: origin }),
      anon.put(`/api/apps/${clientId}`, { data: body, headers: origin }),
      anon.delete(`/api/apps/${clientId}`, { headers: origin }),
      anon.post(`/api/apps/${clientId}/secret`, { headers: origin }),
      anon.put(`/api/apps/${clientId}/logo`, { data: png, headers: { ...origin, "content-type": "image/png" } }),
    ]);
    expect(statuses.map((r) => r.status())).toEqual([401, 401, 401, 401, 401, 401]);
    expect(JSON.stringify(appRecord(clientId))).toBe(before);

    // Our own page still shows it as it was.
    await page.reload();
    await expect(appRow(page, "Acme Notes").getByTestId("client-id")).toHaveText(clientId);
    await expect(page.getByTestId("app-row").filter({ hasText: "Their app" })).toHaveCount(0);
    await Promise.all([context.close(), anonymous.close()]);
  });

  test("deleting asks first, names the app, and says its connections keep working", async () => {
    const row = appRow(page, "Loopback tool");
    const loopbackId = (await row.getByTestId("client-id").textContent())!;
    await row.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(row).toContainText("Delete “Loopback tool”?");
    await expect(row).toContainText("keep working until they revoke them");
    await row.getByRole("button", { name: "Keep it" }).click();
    await expect(row.getByTestId("client-id")).toHaveText(loopbackId);

    await row.getByRole("button", { name: "Delete", exact: true }).click();
    await row.getByRole("button", { name: "Yes, delete" }).click();
    await expect(appRow(page, "Loopback tool")).toHaveCount(0);
    expect(appRecord(loopbackId)).toBeUndefined();
    await expect(appRow(page, "Acme Notes")).toHaveCount(1);
  });

  test("the integration docs are one click away", async ({ baseURL }) => {
    await page.getByRole("link", { name: "Integration docs" }).click();
    await expect(page).toHaveURL(/\/dashboard\/apps\/docs$/);
    await expect(page.getByRole("heading", { level: 1, name: "Integration docs" })).toBeVisible();
    const main = page.locator("main");
    await expect(main).toContainText(`${new URL(baseURL!).host}/connect.js`);
    await expect(main).toContainText("code_challenge_method=S256");
    await expect(main).toContainText('"token_type": "relay"');
    await expect(main).toContainText("error=access_denied");
    await expect(main).toContainText(`${new URL(baseURL!).host}/v1/chat/completions`);
    await expect(main.locator("pre code").first()).toBeVisible();
  });
});
