import { bytes, chunked, type HostileCase, type HostileContext, type SentRequest } from "./case";

// Hostile requests to POST /connect/token, POST /connect/revoke (OAuth's error shape,
// RFC 6749 §5.2) and GET /connect/authorize (an error page, or a redirect carrying the error
// only when the redirect URI is registered and the error may go there).

const FORM = "application/x-www-form-urlencoded";
const VERIFIER = "v".repeat(43);
const WELL_FORMED_CODE = "A".repeat(43);

function token(ctx: HostileContext, params: Record<string, string> | string, type = FORM, extra: Record<string, string> = {}): SentRequest {
  const body = typeof params === "string" ? params : new URLSearchParams(params).toString();
  return { path: "/connect/token", method: "POST", headers: { "content-type": type, ...extra }, body };
}
const exchange = (ctx: HostileContext, overrides: Record<string, string | undefined> = {}): Record<string, string> => {
  const all: Record<string, string | undefined> = { grant_type: "authorization_code", code: WELL_FORMED_CODE, code_verifier: VERIFIER, client_id: ctx.clientId, redirect_uri: ctx.redirectUri, ...overrides };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
};
const form = (overrides: Record<string, string | undefined>) => (ctx: HostileContext) => token(ctx, exchange(ctx, overrides));

type Row = Omit<HostileCase, "shape">;
const oauth = (list: Row[]): HostileCase[] => list.map((c) => ({ ...c, shape: "oauth" }));

const tokenEndpoint: Row[] = [
  { name: "token: content-type text/plain", send: (ctx) => token(ctx, exchange(ctx), "text/plain"), status: 400, code: "invalid_request" },
  { name: "token: no content-type", send: (ctx) => ({ ...token(ctx, exchange(ctx)), headers: {}, body: bytes(new URLSearchParams(exchange(ctx)).toString()) }), status: 400, code: "invalid_request" },
  { name: "token: multipart/form-data", send: (ctx) => token(ctx, exchange(ctx), "multipart/form-data; boundary=x"), status: 400, code: "invalid_request" },
  { name: "token: body over the 16 KiB cap", send: (ctx) => token(ctx, { ...exchange(ctx), pad: "x".repeat(20_000) }), status: 400, code: "invalid_request" },
  { name: "token: body over the cap, chunked", send: (ctx) => ({ ...token(ctx, ""), body: chunked(new URLSearchParams(exchange(ctx)).toString(), `&pad=${"x".repeat(20_000)}`) }), status: 400, code: "invalid_request" },
  { name: "token: invalid UTF-8 in the form", send: (ctx) => ({ ...token(ctx, ""), body: bytes(`${new URLSearchParams(exchange(ctx)).toString()}&x=`, [0xc3, 0x28]) }), status: 400, code: "invalid_request" },
  { name: "token: invalid UTF-8 in JSON", send: (ctx) => ({ ...token(ctx, "", "application/json"), body: bytes('{"grant_type":"authorization_code","code":"', [0xff], '"}') }), status: 400, code: "invalid_request" },
  { name: "token: invalid JSON", send: (ctx) => token(ctx, '{"grant_type":', "application/json"), status: 400, code: "invalid_request" },
  { name: "token: JSON array", send: (ctx) => token(ctx, JSON.stringify([exchange(ctx)]), "application/json"), status: 400, code: "invalid_request" },
  { name: "token: JSON code as a number", send: (ctx) => token(ctx, JSON.stringify({ ...exchange(ctx), code: 12345 }), "application/json"), status: 400, code: "invalid_request" },
  { name: "token: JSON code as an object", send: (ctx) => token(ctx, JSON.stringify({ ...exchange(ctx), code: { $ne: "" } }), "application/json"), status: 400, code: "invalid_request" },
  { name: "token: __proto__ carrying the code (JSON)", send: (ctx) => token(ctx, JSON.stringify(exchange(ctx, { code: undefined })).replace("{", `{"__proto__":{"code":"${WELL_FORMED_CODE}"},`), "application/json"), status: 400, code: "invalid_request" },
  { name: "token: lone surrogate escape in the code (JSON)", send: (ctx) => token(ctx, JSON.stringify(exchange(ctx)).replace(WELL_FORMED_CODE, "\\ud800abc"), "application/json"), status: 400, code: "invalid_grant" },
  { name: "token: client_id missing", send: form({ client_id: undefined }), status: 400, code: "invalid_request" },
  { name: "token: client_id with ../", send: form({ client_id: "../../admin" }), status: 400, code: "invalid_client" },
  { name: "token: client_id with CRLF", send: form({ client_id: "app\r\nX-Injected: 1" }), status: 400, code: "invalid_client" },
  { name: "token: unknown client_id", send: form({ client_id: "nosuchclient123" }), status: 400, code: "invalid_client" },
  { name: "token: grant_type missing", send: form({ grant_type: undefined }), status: 400, code: "invalid_request" },
  { name: "token: grant_type=password", send: form({ grant_type: "password" }), status: 400, code: "unsupported_grant_type" },
  { name: "token: grant_type=client_credentials", send: form({ grant_type: "client_credentials" }), status: 400, code: "unsupported_grant_type" },
  { name: "token: code sent twice", send: (ctx) => token(ctx, `${new URLSearchParams(exchange(ctx)).toString()}&code=BBBB`), status: 400, code: "invalid_request" },
  { name: "token: client_id sent twice (another app's)", send: (ctx) => token(ctx, `${new URLSearchParams(exchange(ctx)).toString()}&client_id=other`), status: 400, code: "invalid_request" },
  { name: "token: code missing", send: form({ code: undefined }), status: 400, code: "invalid_request" },
  { name: "token: code with CRLF", send: form({ code: "abc\r\ndef" }), status: 400, code: "invalid_grant" },
  { name: "token: code with NUL", send: form({ code: "abc\u0000def" }), status: 400, code: "invalid_grant" },
  { name: "token: code with a zero-width space", send: form({ code: `${WELL_FORMED_CODE}\u200b` }), status: 400, code: "invalid_grant" },
  { name: "token: code 300 characters", send: form({ code: "A".repeat(300) }), status: 400, code: "invalid_grant" },
  { name: "token: unknown well-formed code", send: form({}), status: 400, code: "invalid_grant" },
  { name: "token: expired code", send: (ctx) => token(ctx, exchange(ctx, { code: ctx.expiredCode })), status: 400, code: "invalid_grant" },
  { name: "token: live code, wrong code_verifier", send: (ctx) => token(ctx, exchange(ctx, { code: ctx.liveCode, code_verifier: "w".repeat(43) })), status: 400, code: "invalid_grant" },
  { name: "token: live code, another registered-looking redirect_uri", send: (ctx) => token(ctx, exchange(ctx, { code: ctx.liveCode, code_verifier: ctx.liveVerifier, redirect_uri: `${ctx.redirectUri}/../evil` })), status: 400, code: "invalid_grant" },
  { name: "token: live code presented by another client_id", send: (ctx) => token(ctx, exchange(ctx, { code: ctx.liveCode, code_verifier: ctx.liveVerifier, client_id: "nosuchclient123" })), status: 400, code: "invalid_client" },
  { name: "token: code_verifier too short", send: form({ code_verifier: "v".repeat(42) }), status: 400, code: "invalid_request" },
  { name: "token: code_verifier with bad characters", send: form({ code_verifier: `${"v".repeat(43)}/+` }), status: 400, code: "invalid_request" },
  { name: "token: redirect_uri with CRLF", send: form({ redirect_uri: "http://127.0.0.1:8794/cb\r\nLocation: http://evil.example" }), status: 400, code: "invalid_request" },
  { name: "token: redirect_uri missing", send: form({ redirect_uri: undefined }), status: 400, code: "invalid_request" },
  { name: "token: garbage Basic header", send: (ctx) => token(ctx, exchange(ctx, { client_id: undefined }), FORM, { authorization: "Basic !!!" }), status: 401, code: "invalid_client" },
  { name: "token: Basic header without a colon", send: (ctx) => token(ctx, exchange(ctx, { client_id: undefined }), FORM, { authorization: `Basic ${btoa("justanid")}` }), status: 401, code: "invalid_client" },
  { name: "token: Basic header and client_secret both", send: (ctx) => token(ctx, exchange(ctx, { client_secret: "s3cret" }), FORM, { authorization: `Basic ${btoa(`${ctx.clientId}:s3cret`)}` }), status: 400, code: "invalid_request" },
  { name: "token: a secret for a public client", send: form({ client_secret: "guessed-secret" }), status: 400, code: "invalid_client" },
  { name: "token: parameters in the query string only", send: (ctx) => ({ ...token(ctx, ""), path: `/connect/token?${new URLSearchParams(exchange(ctx)).toString()}` }), status: 400, code: "invalid_request" },
  { name: "POST /connect/unknown", send: (ctx) => ({ ...token(ctx, exchange(ctx)), path: "/connect/nothing" }), status: 404, code: "invalid_request" },
];

const revokeEndpoint: Row[] = [
  { name: "revoke: token missing", send: (ctx) => ({ ...token(ctx, { client_id: ctx.clientId }), path: "/connect/revoke" }), status: 400, code: "invalid_request" },
  { name: "revoke: token with CRLF", send: (ctx) => ({ ...token(ctx, { client_id: ctx.clientId, token: `${ctx.token}\r\nx` }), path: "/connect/revoke" }), status: 400, code: "invalid_request" },
  { name: "revoke: unknown client", send: (ctx) => ({ ...token(ctx, { client_id: "nosuchclient123", token: ctx.token }), path: "/connect/revoke" }), status: 400, code: "invalid_client" },
  { name: "revoke: wrong content-type", send: (ctx) => ({ ...token(ctx, { client_id: ctx.clientId, token: ctx.token }, "text/plain"), path: "/connect/revoke" }), status: 400, code: "invalid_request" },
];

/** Not errors but refusals all the same: an app cannot revoke a token it did not get (RFC 7009 answers 200 without an oracle). */
export const revokeForeign: HostileCase[] = [
  { name: "revoke: another person's token by this app (200, token unharmed)", send: (ctx) => ({ ...token(ctx, { client_id: ctx.clientId, token: ctx.otherToken }), path: "/connect/revoke" }), status: 200, shape: "none", code: null },
  { name: "revoke: a dashboard token by this app (200, token unharmed)", send: (ctx) => ({ ...token(ctx, { client_id: ctx.clientId, token: ctx.token }), path: "/connect/revoke" }), status: 200, shape: "none", code: null },
];

// GET /connect/authorize
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const KEY = "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo";
function authorize(ctx: HostileContext, overrides: Record<string, string | undefined>, extra = ""): SentRequest {
  const all: Record<string, string | undefined> = { response_type: "code", client_id: ctx.clientId, redirect_uri: ctx.redirectUri, state: "st4te", code_challenge: CHALLENGE, code_challenge_method: "S256", scope: "openai", key: KEY, ...overrides };
  const query = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return { path: `/connect/authorize?${query}${extra}` };
}
const page = (name: string, overrides: Record<string, string | undefined>, text: string, extra = ""): HostileCase => ({ name: `authorize: ${name}`, send: (ctx) => authorize(ctx, overrides, extra), status: 200, shape: "page", code: text });
const bounce = (name: string, overrides: Record<string, string | undefined>, error: string): HostileCase => ({ name: `authorize: ${name}`, send: (ctx) => authorize(ctx, overrides), status: 307, shape: "redirect", code: error });
const UNKNOWN = "Unknown app";
const UNREGISTERED = "Unregistered redirect address";
const UNUSABLE = "This request cannot be used";

const authorizeEndpoint: HostileCase[] = [
  { name: "authorize: no parameters", send: () => ({ path: "/connect/authorize" }), status: 200, shape: "page", code: UNKNOWN },
  page("unknown client", { client_id: "nosuchclient123" }, UNKNOWN),
  page("client_id with ../", { client_id: "../../api/vault" }, UNKNOWN),
  page("client_id with CRLF", { client_id: "x\r\nSet-Cookie: a=b" }, UNKNOWN),
  page("unregistered redirect_uri", { redirect_uri: "https://evil.example/cb" }, UNREGISTERED),
  page("registered redirect_uri + /../evil", { redirect_uri: "http://127.0.0.1:8794/cb/../evil" }, UNREGISTERED),
  page("registered redirect_uri + %2e%2e", { redirect_uri: "http://127.0.0.1:8794/cb/%2e%2e/evil" }, UNREGISTERED),
  page("redirect_uri with CRLF", { redirect_uri: "http://127.0.0.1:8794/cb\r\nLocation: https://evil.example" }, UNREGISTERED),
  page("redirect_uri javascript:", { redirect_uri: "javascript:alert(1)" }, UNREGISTERED),
  page("redirect_uri with userinfo", { redirect_uri: "http://127.0.0.1:8794@evil.example/cb" }, UNREGISTERED),
  page("redirect_uri sent twice", {}, UNREGISTERED, "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb"),
  page("state missing", { state: undefined }, UNUSABLE),
  page("state with CRLF", { state: "a\r\nb" }, UNUSABLE),
  page("state sent twice", {}, UNUSABLE, "&state=other"),
  page("code_challenge_method=plain", { code_challenge_method: "plain" }, UNUSABLE),
  page("code_challenge missing", { code_challenge: undefined }, UNUSABLE),
  page("code_challenge too short", { code_challenge: "abc" }, UNUSABLE),
  page("key not a public key", { key: "not-a-key" }, UNUSABLE),
  page("response_type=token", { response_type: "token" }, UNUSABLE),
  bounce("scope with an unknown provider", { scope: "openai admin" }, "invalid_scope"),
  bounce("scope with a path in the model", { scope: "openai:../../x" }, "invalid_scope"),
  bounce("budget_usd 1e9", { budget_usd: "1e9" }, "invalid_request"),
  bounce("rpm -1", { rpm: "-1" }, "invalid_request"),
  bounce("display=evil", { display: "evil" }, "invalid_request"),
  { name: "authorize: an unknown stored request id", send: () => ({ path: `/connect/authorize?request=${"0".repeat(32)}` }), status: 200, shape: "page", code: "This request has expired" },
  { name: "authorize: a stored request id with ../", send: () => ({ path: "/connect/authorize?request=..%2F..%2Fapi%2Fvault" }), status: 200, shape: "page", code: "This request has expired" },
];

export const connectCases: HostileCase[] = [...oauth(tokenEndpoint), ...oauth(revokeEndpoint), ...authorizeEndpoint];
