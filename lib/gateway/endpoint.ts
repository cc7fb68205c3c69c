// What one gateway endpoint (one wire format) plugs into the pipeline (types only; see
// README.md): a parser (how its clients send the token, the strict body schema, the model, the
// stream flag and the token bounds) and a forwarder (the upstream request, the answer and its
// usage, the stream, and errors in the API's own shape), and the API it is, for usage records. The stages between them
// (authenticate, authorise the model, admit, open the grant, settle) are the same for all.
import type { ModelPrice } from "../limits/pricing";
import type { RequestBounds } from "../limits/request-bounds";
import type { ProviderId, SseEvent, UpstreamError, UpstreamRequest, Usage } from "../providers/types";

/** Where a call goes: routing's answer for the model the client named. */
export interface CallTarget {
  provider: ProviderId;
  upstreamModel: string;
}

/** A validated call: the typed request and what the pipeline needs to know about it. */
export interface ParsedCall<Call> {
  call: Call;
  /** The model as the client named it (routed with lib/providers/routing). */
  model: string;
  stream: boolean;
}

export interface CallParser<Call> {
  /** The relay token where this API's clients send their key (null: none sent). */
  readToken(request: Request): string | null;
  /**
   * The strictly validated call (zod; every field that changes cost or routing checked). Throws
   * GatewayError or GatewayRequestError (400) for a bad body. The raw body is never forwarded.
   */
  parse(input: { body: unknown; request: Request }): ParsedCall<Call>;
  /** Upper bounds on the call's tokens for the reservation (null: the model has no price). */
  bound(input: { call: Call; target: CallTarget }): RequestBounds | null;
  /**
   * The call's price when it is not the chat model's row of the pricing table (embedding models,
   * or a call the provider does not bill, such as counting tokens: every rate 0). Absent: findPrice.
   */
  price?(input: { call: Call; target: CallTarget }): ModelPrice | null;
  /** The request field that limits output in this API, for messages ("max_tokens" when absent; "max_output_tokens", "generationConfig.maxOutputTokens"). */
  outputLimitParam?: string;
}

/** A complete (non-streamed) answer, read. */
export interface JsonAnswer {
  /** What the client gets, in this API's shape. */
  body: unknown;
  /** The provider's final usage (null: it reported none). */
  usage: Usage | null;
  /** Generated UTF-8 bytes in `body` (asked only when usage is missing, to charge at least that). */
  deliveredBytes(): number;
}

/** One streamed answer, translated event by event into this API's frames. */
export interface StreamRelay {
  /** Complete frames to write, in order, for one upstream event. */
  push(event: SseEvent): string[];
  /** Once the upstream body ended (or broke): the final frames. */
  end(): string[];
  /** Usage so far (partial after an error), null if the provider reported none. */
  usage(): Usage | null;
  /** The upstream failed mid-stream (the relay already wrote the error frame). */
  failed(): boolean;
  /** Generated UTF-8 bytes in a frame this relay wrote (the charge of an interrupted stream is never below them). */
  deliveredBytes(frame: string): number;
  /** The final frames with the cost comment where this API's clients ignore it. */
  withCostComment(finalFrames: string[], comment: string): string[];
  /** The answer's content type (default: text/event-stream; Gemini's JSON-array stream is JSON). */
  readonly contentType?: string;
}

/** A failure in the gateway's vocabulary (OpenAI's type and code), before it takes the API's shape. */
export interface DescribedError {
  status: number;
  message: string;
  type: string;
  param: string | null;
  code: string | null;
  /** Seconds the client should wait before retrying (from retry-after), when the failure says. */
  retryAfterSeconds?: number;
}

export interface CallForwarder<Call> {
  /**
   * true when buildRequest sends `bounds.forwardOutputTokens` (when not null) as the output limit
   * in place of any limit the client set. Only then may the gateway fit a request's output to its
   * budget (policy v2): it lowers the bounds, reserves for the lower limit, and relies on the
   * provider stopping there. Leave it out if the forwarder sends the client's own limit.
   */
  readonly sendsOutputBound?: boolean;
  /** The upstream request (the key goes in its provider's auth header only); throws GatewayRequestError for a field the provider cannot honour. */
  buildRequest(input: { call: Call; target: CallTarget; apiKey: string; baseUrl: string; bounds: RequestBounds | null }): UpstreamRequest;
  /** A 2xx JSON answer → the client's body and the usage. Throws UpstreamProtocolError for an unreadable one. */
  readAnswer(input: { call: Call; target: CallTarget; clientModel: string; body: unknown; requestId: string; nowSeconds: number }): JsonAnswer;
  openStream(input: { call: Call; target: CallTarget; clientModel: string; requestId: string; nowSeconds: number }): StreamRelay;
  /** A non-2xx answer, scrubbed of secrets, in the gateway's vocabulary. */
  readUpstreamError(input: { target: CallTarget; status: number; bodyText: string; secrets: string[] }): UpstreamError;
  /** This API's error body. */
  errorBody(error: DescribedError): unknown;
  /** Extra headers on a successful answer (what the gateway changed in the call, e.g. a dropped tool). */
  answerHeaders?(call: Call): Record<string, string>;
}

/**
 * Which API a request used, as its usage record names it: every endpoint says which (the Usage
 * page, the request log and the CSV show it). New values need no migration (the column checks
 * only the form: lib/db/migrations/0011_usage_api.sql).
 */
export const GATEWAY_APIS = ["chat", "messages", "count_tokens", "responses", "gemini", "embeddings", "models"] as const;
export type GatewayApi = (typeof GATEWAY_APIS)[number];

export interface GatewayEndpoint<Call> {
  /** The API this endpoint serves (written on each usage record). */
  api: GatewayApi;
  parser: CallParser<Call>;
  forwarder: CallForwarder<Call>;
}
