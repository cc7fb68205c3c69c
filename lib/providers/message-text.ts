import type { TextPart } from "../chat-api/chat-messages";

/** The text of a string or text-part content, parts joined without separator (as OpenAI concatenates them). */
export function textOfContent(content: string | readonly TextPart[] | null | undefined): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => part.text).join("");
}
