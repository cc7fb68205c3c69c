import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { logError } from "../errors/log-error";
import type { EmailMessage } from "./sign-in-email";

export type EmailTransport =
  | { kind: "local"; db: Db }
  | { kind: "http"; apiUrl: string; apiKey: string | undefined; from: string };

/**
 * Sends an email. "local" (the embedded default) prints it to the server log and
 * keeps it in the local mailbox table; "http" posts it to a Resend-compatible API.
 */
export async function sendEmail({ transport, message }: { transport: EmailTransport; message: EmailMessage }): Promise<void> {
  if (transport.kind === "local") {
    await transport.db
      .insertInto("dev_mailbox")
      .values({
        id: crypto.randomUUID(),
        to_address: message.to,
        subject: message.subject,
        text_body: message.text,
        created_at: Date.now(),
      })
      .execute();
    console.log(`[1relay local mailbox] To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`);
    return;
  }
  if (!transport.apiKey) {
    throw new AppError({ code: "misconfigured", message: "Email is not configured on this server, so no sign-in email can be sent." });
  }
  let response: Response;
  try {
    response = await fetch(transport.apiUrl, {
      method: "POST",
      redirect: "manual",
      headers: { authorization: `Bearer ${transport.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ from: transport.from, to: [message.to], subject: message.subject, text: message.text, html: message.html }),
    });
  } catch (error) {
    logError({ where: "sendEmail", error });
    throw new AppError({ code: "upstream_unavailable", message: "We could not send the email just now. Please try again in a minute." });
  }
  if (!response.ok) {
    logError({ where: "sendEmail", error: new Error(`email API answered ${response.status}`) });
    throw new AppError({ code: "upstream_unavailable", message: "We could not send the email just now. Please try again in a minute." });
  }
}
