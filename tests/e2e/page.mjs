// The clerk's page in a real headless Chromium: write a Công văn, wait for the
// preview, download its PDF, import a DOCX, reload and find the document again.
// Run by tests/page.rs with VANBAN_URL (the server), VANBAN_OUT (a directory)
// and VANBAN_DOCX (a DOCX to import). Prints one JSON line; exits 1 on failure.
import { chromium } from "playwright-core";

const base = process.env.VANBAN_URL;
const out = process.env.VANBAN_OUT;
const docx = process.env.VANBAN_DOCX;
const typed = process.env.VANBAN_TYPED || "Nội dung gõ thử số 4711 trên trang";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
  ],
});
const fail = (msg) => {
  console.error(msg);
  process.exitCode = 1;
};
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on("pageerror", (e) => fail(`page error: ${e.message}`));
  // The page works offline: anything asked of another host is a failure.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    // The browser's own PDF viewer loads its parts from chrome: and
    // chrome-extension: URLs, which are not the network.
    const local = [base, "blob:", "data:", "chrome:", "chrome-extension:"];
    if (local.some((p) => url.startsWith(p))) return route.continue();
    fail(`the page asked for ${url}`);
    return route.abort();
  });
  const done = () => page.$eval("#status", (s) => Number(s.dataset.done || 0));
  // Waits until a refresh later than `after` has finished, and gives its state.
  const settled = async (after) => {
    await page.waitForFunction(
      (n) => Number(document.querySelector("#status").dataset.done || 0) > n
        && document.querySelector("#status").dataset.state !== "busy",
      after,
      { timeout: 30000 },
    );
    return page.$eval("#status", (s) => s.dataset.state);
  };

  await page.goto(`${base}/`);
  await settled(0);
  let n = await done();
  await page.selectOption("#type", "cong-van");
  await settled(n);

  // The header and the body, with the keyboard where a clerk would use it.
  n = await done();
  // A Công văn's V/v is the template's: the clerk types the subject only.
  await page.fill('[data-path="/summary"]', "thử trang soạn thảo của vanban");
  const paras = page.locator("#sections .paras").first();
  await paras.click();
  await paras.press("Control+A");
  await page.keyboard.type(typed);
  await page.click("#add-section");
  await page.locator("#sections .title").last().fill("Tổ chức thực hiện");
  const state = await settled(n);
  if (state !== "ready") fail(`the preview did not update: ${state} ${await page.textContent("#status")}`);
  const preview = await page.$eval("#preview", (f) => f.src);
  if (!preview.startsWith("blob:")) fail(`no preview: ${preview}`);
  const findings = await page.$$eval("#findings li", (l) => l.map((e) => e.textContent));

  if (process.env.VANBAN_SCREENSHOT) {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(1500); // the PDF viewer draws the page
    await page.screenshot({ path: process.env.VANBAN_SCREENSHOT });
  }
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.click("#pdf")]);
  await pdf.saveAs(`${out}/page.pdf`);

  // A finding's button goes to its field.
  let focused = null;
  const go = page.locator("#findings li button").first();
  if (await go.count()) {
    await go.click();
    focused = await page.evaluate(() => document.activeElement.dataset.path || document.activeElement.id);
  }

  // Import an old DOCX into the form.
  n = await done();
  await page.setInputFiles("#import", docx);
  await page.waitForFunction(() => document.querySelector("#status").dataset.state === "imported", null, { timeout: 30000 });
  const issuer = await page.inputValue('[data-path="/header/issuer"]');
  await settled(n);

  // A reload loses nothing.
  await page.reload();
  await settled(0);
  const again = await page.inputValue('[data-path="/header/issuer"]');
  if (again !== issuer) fail(`after a reload the issuer is ${again}, was ${issuer}`);

  // The English switch.
  await page.click("#lang");
  const english = await page.textContent("#pdf");

  console.log(JSON.stringify({ pdf: pdf.suggestedFilename(), findings, focused, issuer, english }));
} catch (e) {
  fail(e.stack || String(e));
} finally {
  await browser.close();
}
