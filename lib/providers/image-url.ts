// image_url parts carry either a public http(s) URL or an inline `data:<mime>;base64,<data>`
// URL (https://platform.openai.com/docs/guides/images-vision). Providers want the two apart.

export type ImageSource = { kind: "url"; url: string } | { kind: "inline"; mimeType: string; data: string };

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/i;

/** Parses an image URL; null for a data: URL that is not base64 with a MIME type. */
export function parseImageUrl(url: string): ImageSource | null {
  if (/^https?:\/\//i.test(url)) return { kind: "url", url };
  const match = DATA_URL.exec(url.replace(/\s+/g, ""));
  if (!match?.[1] || match[2] === undefined) return null;
  const mimeType = match[1].toLowerCase() === "image/jpg" ? "image/jpeg" : match[1].toLowerCase();
  return { kind: "inline", mimeType, data: match[2] };
}
