// Hostile-input cases as data: what is sent, and exactly what must come back. The specs
// (tests/e2e/hostile-*.spec.ts) loop over these tables and add the checks every case shares:
// no 5xx, an answer within a deadline, and (gateway) nothing reached a fake provider.

/** Accounts, tokens and apps the cases refer to, made once per spec. */
export interface HostileContext {
  baseURL: string;
  /** A valid relay token without a budget (OpenAI and Anthropic keys). */
  token: string;
  /** A token of the same account, revoked. */
  revokedToken: string;
  /** A token whose signed policy expired (made with the browser's clock in the past). */
  expiredToken: string | null;
  /** Another person's token (Gemini only). */
  otherToken: string;
  /** The signed-in session cookie of the token's owner (vault APIs). */
  cookie: string;
  /** A vault item id of another person. */
  otherItemId: string;
  /** A registered public app (no secret) and one of its redirect URIs. */
  clientId: string;
  redirectUri: string;
  /** Authorization codes planted in D1 for this app: expired, and still valid (PKCE verifier below). */
  expiredCode: string;
  liveCode: string;
  liveVerifier: string;
}

export type Shape =
  /** OpenAI's {error:{message,type,param,code}} */
  | "openai"
  /** Anthropic's {type:"error",error:{type,message}}; `code` is the error's type */
  | "anthropic"
  /** Gemini's {error:{code,message,status,details?}}; `code` is the status name (INVALID_ARGUMENT…) */
  | "gemini"
  /** OAuth's {error, error_description?} */
  | "oauth"
  /** Our own API's {error:{code,message,field?}} */
  | "app"
  /** /connect/authorize: an error page (200, never a redirect); `code` is a text the page must show. */
  | "page"
  /** /connect/authorize: a redirect to the app with ?error=`code` */
  | "redirect"
  /** Only the status is ours to assert (the framework answers, e.g. 405 for a method a route lacks). */
  | "none";

export interface SentRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
}

export interface HostileCase {
  name: string;
  send: (ctx: HostileContext) => SentRequest;
  status: number;
  shape: Shape;
  /** OpenAI `error.code`, OAuth `error`, our `error.code`, the page's text, or the redirect's `error`. */
  code: string | null;
  /** OpenAI `error.type` (gateway cases; defaults to invalid_request_error). */
  type?: string;
  /** OpenAI `error.param`, when it names one. */
  param?: string | null;
  /** Further checks of the answer (headers a case is about). */
  check?: (response: Response) => void;
}

export const enc = new TextEncoder();

/** Bytes of `parts`, strings as UTF-8 and numbers as raw bytes (for invalid UTF-8). */
export function bytes(...parts: (string | number[])[]): Uint8Array<ArrayBuffer> {
  const chunks = parts.map((p) => (typeof p === "string" ? enc.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A body sent chunked (no content-length): a stream of the given pieces. */
export function chunked(...pieces: (string | Uint8Array<ArrayBuffer>)[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      for (const p of pieces) controller.enqueue(typeof p === "string" ? enc.encode(p) : p);
      controller.close();
    },
  });
}
