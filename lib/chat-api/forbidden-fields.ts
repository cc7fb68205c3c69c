// Fields some OpenAI-compatible proxies accept to redirect or decorate the upstream call
// (LiteLLM's api_base, the SDKs' extra_headers / extra_body…). 1Relay never takes the
// upstream address, key or headers from a request, so these get their own clear refusal
// instead of the generic "unrecognized argument".

const REDIRECTING = new Set([
  "apibase",
  "baseurl",
  "apiurl",
  "apikey",
  "apiversion",
  "apitype",
  "endpoint",
  "host",
  "proxy",
  "url",
  "headers",
  "defaultheaders",
  "extraheaders",
  "extrabody",
  "extraquery",
  "organization",
  "project",
  "customllmprovider",
]);

/** Key lower-cased without "_" and "-", so api_base, apiBase and api-base all match. */
function normalise(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, "");
}

/** The first top-level key that tries to steer the upstream call, if any. */
export function findRedirectingField(body: Record<string, unknown>): string | undefined {
  return Object.keys(body).find((key) => REDIRECTING.has(normalise(key)));
}

export function redirectingFieldMessage(field: string): string {
  return `'${field}' is not accepted: 1Relay calls the provider configured for your key, with that key. ` +
    "Upstream addresses, keys and headers cannot be set per request.";
}

/** Documented Chat Completions fields that 1Relay does not translate (yet). */
export const UNSUPPORTED_OPENAI_FIELDS = [
  "audio",
  "modalities",
  "prediction",
  "web_search_options",
  "functions",
  "function_call",
  "prompt_cache_retention",
] as const;

export function unsupportedFieldMessage(field: string): string {
  return `'${field}' is a Chat Completions parameter 1Relay does not support.`;
}
