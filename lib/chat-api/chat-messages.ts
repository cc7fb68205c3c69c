import { z } from "zod";
import { CHAT_REQUEST_LIMITS as L } from "./chat-request-limits";

// The messages of OpenAI's Chat Completions request
// (https://platform.openai.com/docs/api-reference/chat/create, "messages"): system, developer,
// user (text and image_url parts), assistant (content and/or tool_calls) and tool. The legacy
// "function" role, audio and file parts are not accepted.

const text = z.string().max(L.textChars);
const name = z.string().min(1).max(L.nameChars);

export const textPartSchema = z.strictObject({ type: z.literal("text"), text });

const imageUrl = z
  .string()
  .min(1)
  .max(L.imageUrlChars)
  .refine((url) => /^data:/i.test(url) || /^https?:\/\//i.test(url), "must be an https:// (or http://) URL or a data: URL");

export const imagePartSchema = z.strictObject({
  type: z.literal("image_url"),
  image_url: z.strictObject({ url: imageUrl, detail: z.enum(["auto", "low", "high"]).optional() }),
});

const refusalPartSchema = z.strictObject({ type: z.literal("refusal"), refusal: text });

const parts = <T extends z.ZodType>(part: T) => z.array(part).min(1).max(L.contentParts);

const textContent = z.union([text, parts(textPartSchema)], {
  error: "must be a string or an array of text parts",
});

const userContent = z.union([text, parts(z.discriminatedUnion("type", [textPartSchema, imagePartSchema]))], {
  error: "must be a string or an array of text and image_url parts",
});

export const toolCallSchema = z.strictObject({
  id: z.string().min(1).max(L.toolCallIdChars),
  type: z.literal("function"),
  function: z.strictObject({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, underscores or dashes"),
    arguments: z.string().max(L.argumentsChars),
  }),
});

const systemMessage = z.strictObject({ role: z.literal("system"), content: textContent, name: name.optional() });
const developerMessage = z.strictObject({ role: z.literal("developer"), content: textContent, name: name.optional() });
const userMessage = z.strictObject({ role: z.literal("user"), content: userContent, name: name.optional() });

const assistantMessage = z
  .strictObject({
    role: z.literal("assistant"),
    content: z
      .union([text, parts(z.discriminatedUnion("type", [textPartSchema, refusalPartSchema]))], {
        error: "must be a string, an array of text or refusal parts, or null",
      })
      .nullish(),
    refusal: text.nullish(),
    name: name.optional(),
    tool_calls: z.array(toolCallSchema).min(1).max(L.toolCallsPerMessage).optional(),
  })
  .refine((m) => m.content != null || m.tool_calls !== undefined, {
    message: "an assistant message needs content or tool_calls",
    path: ["content"],
  });

const toolMessage = z.strictObject({
  role: z.literal("tool"),
  content: textContent,
  tool_call_id: z.string().min(1).max(L.toolCallIdChars),
});

export const messageSchema = z.discriminatedUnion("role", [
  systemMessage,
  developerMessage,
  userMessage,
  assistantMessage,
  toolMessage,
]);

export type ChatMessage = z.output<typeof messageSchema>;
export type UserMessage = z.output<typeof userMessage>;
export type AssistantMessage = z.output<typeof assistantMessage>;
export type ToolMessage = z.output<typeof toolMessage>;
export type ToolCall = z.output<typeof toolCallSchema>;
export type TextPart = z.output<typeof textPartSchema>;
export type ImagePart = z.output<typeof imagePartSchema>;
