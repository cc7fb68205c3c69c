import { bytes, chunked, type HostileCase, type HostileContext, type SentRequest } from "./case";

// Hostile requests to the vault API (/api/vault, /api/vault/items[/id]), our own error shape
// {error:{code,message,field?}}: signed in as the token's owner unless the case says otherwise.

const ENVELOPE = `v1.${"A".repeat(16)}.${"B".repeat(40)}`;
const ITEM_ID = "0123456789abcdef0123456789abcdef";
const item = { id: ITEM_ID, provider: "openai", label: "Hostile", sealedKey: ENVELOPE };
const vault = { salt: "A".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: ENVELOPE, expectedVersion: 1 };

function call(ctx: HostileContext, path: string, method: string, body?: BodyInit, headers: Record<string, string> = {}): SentRequest {
  return { path, method, headers: { cookie: ctx.cookie, origin: ctx.baseURL, "content-type": "application/json", ...headers }, ...(body === undefined ? {} : { body }) };
}
const addItem = (body: unknown) => (ctx: HostileContext) => call(ctx, "/api/vault/items", "POST", typeof body === "string" ? body : JSON.stringify(body));
const rewrap = (body: unknown) => (ctx: HostileContext) => call(ctx, "/api/vault", "PUT", typeof body === "string" ? body : JSON.stringify(body));

type Row = Omit<HostileCase, "shape">;
const rows: Row[] = [
  { name: "vault: GET without a session", send: (ctx) => ({ path: "/api/vault", headers: { origin: ctx.baseURL } }), status: 401, code: "unauthenticated" },
  { name: "vault: POST an item without a session", send: (ctx) => ({ ...addItem(item)(ctx), headers: { "content-type": "application/json" } }), status: 401, code: "unauthenticated" },
  { name: "vault: a forged session cookie", send: () => ({ path: "/api/vault", headers: { cookie: "authjs.session-token=forged-0000000000000000" } }), status: 401, code: "unauthenticated" },
  { name: "vault: the session token in the query string", send: (ctx) => ({ path: `/api/vault?authjs.session-token=${encodeURIComponent(ctx.cookie.split("=").slice(1).join("="))}` }), status: 401, code: "unauthenticated" },
  { name: "vault: a cross-site write", send: (ctx) => call(ctx, "/api/vault/items", "POST", JSON.stringify(item), { "sec-fetch-site": "cross-site" }), status: 403, code: "forbidden" },
  { name: "vault: content-type text/plain", send: (ctx) => call(ctx, "/api/vault/items", "POST", JSON.stringify(item), { "content-type": "text/plain" }), status: 400, code: "bad_request" },
  { name: "vault: form-encoded body", send: (ctx) => call(ctx, "/api/vault/items", "POST", new URLSearchParams(item).toString(), { "content-type": "application/x-www-form-urlencoded" }), status: 400, code: "bad_request" },
  { name: "vault: invalid JSON", send: addItem('{"id":'), status: 400, code: "bad_request" },
  { name: "vault: invalid UTF-8 in the label", send: (ctx) => call(ctx, "/api/vault/items", "POST", bytes(`{"id":"${ITEM_ID}","provider":"openai","sealedKey":"${ENVELOPE}","label":"Host`, [0xfe, 0xff], '"}')), status: 400, code: "bad_request" },
  { name: "vault: lone surrogate escape in the label (would be stored as U+FFFD)", send: addItem(JSON.stringify(item).replace("Hostile", "Host\\ud800ile")), status: 400, code: "bad_request" },
  { name: "vault: __proto__ key", send: addItem(JSON.stringify(item).replace("{", '{"__proto__":{"admin":true},')), status: 400, code: "bad_request" },
  { name: "vault: constructor key", send: addItem({ ...item, constructor: { prototype: {} } }), status: 400, code: "bad_request" },
  { name: "vault: deeply nested body", send: addItem(`{"id":${"[".repeat(20_000)}${"]".repeat(20_000)}}`), status: 400, code: "bad_request" },
  { name: "vault: body over the 64 KiB cap", send: addItem({ ...item, label: "x".repeat(70_000) }), status: 413, code: "payload_too_large" },
  { name: "vault: body over the cap, chunked", send: (ctx) => call(ctx, "/api/vault/items", "POST", chunked('{"id":"', "x".repeat(70_000), '"}')), status: 413, code: "payload_too_large" },
  { name: "vault: unknown field", send: addItem({ ...item, userId: "someone-else" }), status: 400, code: "bad_request" },
  { name: "vault: item id with ../", send: addItem({ ...item, id: "../../../etc/passwd" }), status: 400, code: "bad_request" },
  { name: "vault: item id upper-case hex", send: addItem({ ...item, id: ITEM_ID.toUpperCase() }), status: 400, code: "bad_request" },
  { name: "vault: provider with NUL", send: addItem({ ...item, provider: "openai\u0000" }), status: 400, code: "bad_request" },
  { name: "vault: provider not known", send: addItem({ ...item, provider: "mistralai" }), status: 400, code: "bad_request" },
  { name: "vault: sealedKey is a raw API key", send: addItem({ ...item, sealedKey: "sk-proj-plaintextkey0000000000" }), status: 400, code: "bad_request" },
  { name: "vault: sealedKey over 4 KiB", send: addItem({ ...item, sealedKey: `v1.${"A".repeat(16)}.${"B".repeat(5000)}` }), status: 400, code: "bad_request" },
  { name: "vault: label only whitespace", send: addItem({ ...item, label: "   " }), status: 400, code: "bad_request" },
  { name: "vault: label 81 characters", send: addItem({ ...item, label: "x".repeat(81) }), status: 400, code: "bad_request" },
  { name: "vault: label as an array", send: addItem({ ...item, label: ["a"] }), status: 400, code: "bad_request" },
  { name: "vault: re-wrap with m below the floor", send: rewrap({ ...vault, kdfParams: { m: 1024, t: 3, p: 4 } }), status: 400, code: "bad_request" },
  { name: "vault: re-wrap with m 1e400", send: rewrap(JSON.stringify(vault).replace('"m":65536', '"m":1e400')), status: 400, code: "bad_request" },
  { name: "vault: re-wrap with expectedVersion as a string", send: rewrap({ ...vault, expectedVersion: "1" }), status: 400, code: "bad_request" },
  { name: "vault: re-wrap with a salt of the wrong length", send: rewrap({ ...vault, salt: "A".repeat(21) }), status: 400, code: "bad_request" },
  { name: "vault: update a malformed item id", send: (ctx) => call(ctx, "/api/vault/items/not-an-id", "PUT", JSON.stringify({ label: "x", expectedVersion: 1 })), status: 404, code: "not_found" },
  { name: "vault: update another person's item", send: (ctx) => call(ctx, `/api/vault/items/${ctx.otherItemId}`, "PUT", JSON.stringify({ label: "mine now", expectedVersion: 1 })), status: 404, code: "not_found" },
  { name: "vault: delete another person's item", send: (ctx) => call(ctx, `/api/vault/items/${ctx.otherItemId}`, "DELETE"), status: 404, code: "not_found" },
  { name: "vault: update with sealedKey but no keyVersion", send: (ctx) => call(ctx, `/api/vault/items/${ITEM_ID}`, "PUT", JSON.stringify({ sealedKey: ENVELOPE, expectedVersion: 1 })), status: 400, code: "bad_request" },
];

export const vaultCases: HostileCase[] = rows.map((c) => ({ ...c, shape: "app" }));
