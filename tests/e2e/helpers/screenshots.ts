import { expect, type Page, type TestInfo } from "@playwright/test";

/**
 * Screenshots a page at 1280 px and at 390 px (attached to the test's report) and checks that
 * nothing spills sideways at phone width (tables and code blocks scroll inside their own box).
 * `settleMs`: time for charts to lay themselves out at each width.
 */
export async function expectFitsBothWidths(page: Page, testInfo: TestInfo, name: string, { settleMs = 0 }: { settleMs?: number } = {}): Promise<void> {
  for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    if (settleMs > 0) await page.waitForTimeout(settleMs);
    const path = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${label}`, { path, contentType: "image/png" });
    if (label === "phone") expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width + 1);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
