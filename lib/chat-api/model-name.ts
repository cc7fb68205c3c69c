// Model names travel into upstream URLs (Gemini puts them in the path) and into logs, so
// the gateway accepts only a conservative charset: letters, digits and . _ - : @, in parts
// joined by single "/": an explicit provider prefix ("anthropic/claude-…") and the provider's
// own nested ids ("openrouter/meta-llama/llama-3.3-70b-instruct",
// "fireworks/accounts/fireworks/models/gpt-oss-120b"). Routing decides which provider may
// receive a "/" (lib/providers/routing.ts); Gemini never does.

export const MAX_MODEL_NAME_LENGTH = 128;
/** "fireworks/accounts/<account>/models/<model>" has four. */
export const MAX_MODEL_NAME_SLASHES = 4;

const CHARSET = /^[A-Za-z0-9._:@/-]+$/;
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\//;

/** Why `name` is not an acceptable model name, or null when it is. */
export function findModelNameProblem(name: string): string | null {
  if (name.length === 0) return "must not be empty";
  if (name.length > MAX_MODEL_NAME_LENGTH) return `must be at most ${MAX_MODEL_NAME_LENGTH} characters`;
  if (!CHARSET.test(name)) {
    return "may contain only letters, digits and . _ - : / @ (no spaces, %, control or invisible characters)";
  }
  if (!/^[A-Za-z0-9]/.test(name)) return "must start with a letter or a digit";
  if (URL_SCHEME.test(name)) return "must be a model name, not a URL";
  if (name.includes("..")) return 'must not contain ".."';
  const slashes = name.split("/").length - 1;
  if (slashes > MAX_MODEL_NAME_SLASHES) return `may contain at most ${MAX_MODEL_NAME_SLASHES} "/" (provider/vendor/model)`;
  if (name.endsWith("/")) return 'must not end with "/"';
  if (name.includes("//")) return 'must not contain "//"';
  return null;
}
