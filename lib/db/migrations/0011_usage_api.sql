-- Which API each request used (issue 15): chat completions, Anthropic Messages, count_tokens,
-- OpenAI Responses, Gemini's native API, embeddings. Every record before this column is a chat
-- completion. Like provider ids, the values come from the code (GATEWAY_APIS in
-- lib/gateway/endpoint.ts); the column checks only their form, so a new API needs no migration.
ALTER TABLE usage_records ADD COLUMN api TEXT NOT NULL DEFAULT 'chat' CHECK (length(api) BETWEEN 2 AND 20 AND api NOT GLOB '*[^a-z_]*');
