// Model names travel into upstream URLs (Gemini puts them in the path) and into logs, so
// the gateway accepts only a conservative charset: letters, digits and . _ - : @, with at
// most one "/" separating an explicit provider prefix ("anthropic/claude-…").

export const MAX_MODEL_NAME_LENGTH = 128;

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
  if (slashes > 1) return 'may contain at most one "/" (provider/model)';
  if (name.endsWith("/")) return 'must not end with "/"';
  return null;
}
