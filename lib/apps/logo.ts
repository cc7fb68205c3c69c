// App logos (security model, "App authorization": stored by us, served from our origin).
// The type is decided here from the file's own leading bytes, never from the name or the
// content-type the client sent; only raster formats pass. SVG (it can carry script), HTML
// and everything else is refused. Pure: no I/O, so vitest covers it directly.

export const MAX_LOGO_BYTES = 256 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]; // PNG spec §5.2
const PNG_IHDR = ascii("IHDR"); // the first chunk, at offset 12 (PNG spec §5.6)
const JPEG_SOI = [0xff, 0xd8, 0xff]; // SOI marker followed by the next marker's 0xFF
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const WEBP_CHUNKS = [ascii("VP8 "), ascii("VP8L"), ascii("VP8X")];

function startsWith(bytes: Uint8Array, prefix: number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((b, i) => bytes[offset + i] === b);
}

function sniff(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, PNG_IHDR, 12)) return "image/png";
  if (startsWith(bytes, JPEG_SOI) && bytes.length >= 4) return "image/jpeg";
  if ((startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) && bytes.length >= 13) return "image/gif";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8) && WEBP_CHUNKS.some((c) => startsWith(bytes, c, 12))) return "image/webp";
  return null;
}

/** True when the bytes look like text markup (SVG, HTML, XML), after an optional UTF-8 BOM and whitespace. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i += 1;
  return bytes[i] === 0x3c; // "<"
}

/** The logo's real type from its magic bytes, or a message for the developer. */
export function checkLogo(bytes: Uint8Array): { type: LogoType } | { error: string } {
  if (!(bytes instanceof Uint8Array)) throw new TypeError("bytes must be a Uint8Array");
  if (bytes.length === 0) return { error: "The logo file is empty." };
  if (bytes.length > MAX_LOGO_BYTES) return { error: `The logo must be at most ${MAX_LOGO_BYTES / 1024} KiB.` };
  const type = sniff(bytes);
  if (type) return { type };
  if (looksLikeMarkup(bytes)) return { error: "SVG and other markup are not accepted as logos. Upload a PNG, JPEG, WebP or GIF image." };
  return { error: "The logo must be a PNG, JPEG, WebP or GIF image." };
}
