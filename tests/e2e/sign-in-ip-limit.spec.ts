import { expect, test } from "@playwright/test";
import { requestCode, uniqueEmail } from "./helpers/accounts";
import { formError } from "./helpers/form-error";
import { secondServerPort, startSecondServer, type SecondServer } from "./helpers/second-server";

// One client address cannot ask for sign-in emails without end, whatever addresses it uses.
test.describe("sign-in emails per client address", () => {
  let server: SecondServer;
  test.beforeAll(async () => {
    server = await startSecondServer({ port: secondServerPort(-3), vars: { SIGNIN_EMAILS_PER_IP: "3" } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("are limited across different email addresses", async ({ page }) => {
    for (let i = 0; i < 3; i += 1) {
      await page.goto(`${server.baseURL}/signin`);
      await requestCode(page, uniqueEmail(`ip${i}`));
    }
    await page.goto(`${server.baseURL}/signin`);
    await page.getByLabel("Email address").fill(uniqueEmail("ip-over"));
    await page.getByRole("button", { name: "Email me a sign-in code" }).click();
    await expect(formError(page)).toContainText("Too many sign-in emails were asked for");
  });
});
