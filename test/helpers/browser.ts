import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { existsSync } from "node:fs";
import { codeAt, type StaffLogin } from "./console.ts";

/** Debian's Chromium; Playwright never downloads a browser of its own here. */
export const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

/** A phone-sized context: the screen most voters use. */
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/**
 * Launches headless Chromium. If it is missing the test fails with one line saying why
 * (CI installs it; `apt-get install chromium` does it by hand).
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens a context that records script errors, CSP violations and alert() calls, so a test can assert
 * none happened on our own pages.
 */
export async function openContext(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0] = phone,
): Promise<{ context: BrowserContext; pageErrors: string[]; dialogs: string[] }> {
  const context = await browser.newContext(options);
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  context.on("page", (page) => {
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
    });
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  return { context, pageErrors, dialogs };
}

/** Runs axe-core (WCAG 2.2 AA tags) on the page; returns the serious and critical violations, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${page.url()}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Signs in through the console's pages (password, then the code), enrolling the authenticator shown the first time. */
export async function signInThroughPages(
  page: Page,
  base: string,
  who: StaffLogin,
  now: Date,
): Promise<void> {
  await page.goto(`${base}/console/sign-in`);
  await page.getByLabel("Email address").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Continue" }).click();
  who.secret ??= ((await page.locator("#totp-key").textContent()) ?? "").trim();
  await page.getByLabel("6-digit code").fill(await codeAt(who.secret, now));
  await page.getByRole("button", { name: "Continue" }).click();
}

/**
 * Signs a staff member in for the first time through the pages: email and password, then the
 * authenticator key shown for enrolment and its code at `at`. Returns the key.
 */
export async function enrolInBrowser(
  page: Page,
  base: string,
  who: { email: string; password: string },
  at: Date,
): Promise<string> {
  const first: StaffLogin = { email: who.email, password: who.password };
  await signInThroughPages(page, base, first, at);
  return first.secret!;
}

/** A function that saves a full-page screenshot `<name>.png` into the `artifacts` folder. */
export function screenshots(artifacts: URL): (page: Page, name: string) => Promise<unknown> {
  return (page, name) =>
    page.screenshot({ path: new URL(`${name}.png`, artifacts).pathname, fullPage: true });
}

/**
 * A page check: axe-core's serious and critical findings added to `violations` under the page's
 * name, then the screenshot, so every test collects them the same way and asserts once at the end.
 */
export function axeAndScreenshot(
  artifacts: URL,
  violations: string[],
): (page: Page, name: string) => Promise<void> {
  const shot = screenshots(artifacts);
  return async (page, name) => {
    violations.push(...(await seriousAxeViolations(page)).map((v) => `${name}: ${v}`));
    await shot(page, name);
  };
}
