// An upstream answer that is not the provider's documented shape (a 200 with an HTML body,
// a JSON object without choices…). The gateway answers 502 naming the provider.

export class UpstreamProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UpstreamProtocolError";
  }
}
