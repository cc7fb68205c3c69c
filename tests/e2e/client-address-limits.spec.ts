import { expect, test } from "@playwright/test";
import { requestCode, uniqueEmail } from "./helpers/accounts";
import { formError } from "./helpers/form-error";
import { secondServerPort, startSecondServer, type SecondServer } from "./helpers/second-server";

// One client address cannot ask for sign-in emails, guess sign-in codes or start app
// authorizations without end, whatever addresses or apps it uses (one server with low limits).
test.describe("limits per client address", () => {
  let server: SecondServer;
  test.beforeAll(async () => {
    // A second worker starts slowly on a busy machine (its own set-up, migrations and workerd).
    test.setTimeout(150_000);
    server = await startSecondServer({ port: secondServerPort(-3), vars: { SIGNIN_EMAILS_PER_IP: "3", SIGNIN_VERIFY_PER_IP: "3", AUTHORIZE_REQUESTS_PER_IP: "3" } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("sign-in emails are limited across different email addresses", async ({ page }) => {
    for (let i = 0; i < 3; i += 1) {
      await page.goto(`${server.baseURL}/signin`);
      await requestCode(page, uniqueEmail(`ip${i}`));
    }
    await page.goto(`${server.baseURL}/signin`);
    await page.getByLabel("Email address").fill(uniqueEmail("ip-over"));
    await page.getByRole("button", { name: "Email me a sign-in code" }).click();
    await expect(formError(page)).toContainText("Too many sign-in emails were asked for");
  });

  test("typed sign-in codes are limited across different email addresses (issue 13)", async ({ request }) => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await request.post(`${server.baseURL}/api/signin/verify`, { headers: { origin: server.baseURL }, data: { email: uniqueEmail(`guess${i}`), code: "ABCD2345" } });
      statuses.push(response.status());
      if (i === 3) expect(((await response.json()) as { error: { message: string } }).error.message).toContain("Too many sign-in codes were tried");
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
  });

  test("app authorization requests are limited per client address (issue 13)", async ({ page }) => {
    for (let i = 0; i < 3; i += 1) {
      await page.goto(`${server.baseURL}/connect/authorize?client_id=app_nosuchapp${i}`);
      await expect(page.getByRole("heading", { name: "Unknown app" })).toBeVisible();
    }
    await page.goto(`${server.baseURL}/connect/authorize?client_id=app_nosuchapp`);
    await expect(page.getByRole("heading", { name: "Too many requests" })).toBeVisible();
  });
});
