import type { Locator, Page } from "@playwright/test";

/** The form's error message (not Next's route announcer, which is also role=alert). */
export function formError(page: Page): Locator {
  return page.locator(".alert.error[role=alert]");
}
