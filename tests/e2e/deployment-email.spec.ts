import { expect, test } from "@playwright/test";
import { formError } from "./helpers/form-error";
import { secondServerPort, startSecondServer, type SecondServer } from "./helpers/second-server";

// The same built worker configured like a deployment with no email provider yet:
// EMAIL_TRANSPORT=http and no EMAIL_API_KEY.
test.describe("a deployment without an email provider", () => {
  let server: SecondServer;
  test.beforeAll(async () => {
    server = await startSecondServer({ port: secondServerPort(-2), vars: { EMAIL_TRANSPORT: "http" } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("says so at start-up, has no local mailbox, and refuses to pretend it sent a code", async ({ page }) => {
    await expect.poll(() => server.log()).toContain("No email provider configured: set EMAIL_API_KEY");
    expect(server.log()).not.toContain("EMAIL_TRANSPORT=local");

    const mailbox = await page.request.get(`${server.baseURL}/dev/mailbox`);
    expect(mailbox.status()).toBe(404);

    await page.goto(`${server.baseURL}/signin`);
    await page.getByLabel("Email address").fill("someone@example.com");
    await page.getByRole("button", { name: "Email me a sign-in code" }).click();
    await expect(formError(page)).toContainText("Email is not configured on this server");
    await expect(page).toHaveURL(/\/signin$/);
  });
});
