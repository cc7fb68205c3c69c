import { expect, type Page, type TestInfo } from "@playwright/test";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * At 390 px nothing scrolls sideways; at 1280 px the page reads (full-page screenshots of both are
 * attached). Tables and code blocks scroll inside their own box. `settleMs`: time for charts to lay
 * themselves out at each width.
 */
export async function expectFits(page: Page, testInfo: TestInfo, name: string, { settleMs = 0 }: { settleMs?: number } = {}): Promise<void> {
  for (const [label, size] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    await page.setViewportSize(size);
    if (settleMs > 0) await page.waitForTimeout(settleMs);
    // Charts re-measure after a resize: give the layout a moment to follow, then it must fit.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${name} at ${size.width} px is wider than the screen`, timeout: 5_000 }).toBeLessThanOrEqual(size.width);
    const path = testInfo.outputPath(`${name.replace(/[^a-z0-9]+/gi, "-")}-${label}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${label}`, { path, contentType: "image/png" });
  }
  await page.setViewportSize(DESKTOP);
}
