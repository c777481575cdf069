#!/usr/bin/env node
'use strict';
// node check.js PLAN.json
// Opens each page of the plan in Debian's headless Chromium (playwright-core, one browser for the run) and
// reports, per page: where the first Tab goes, axe-core violations, what the Nu Html Checker says about the HTML as the server sent it
// (vnu.jar, one JVM for all pages), and every sign that a script ran or tried to: dialogs, Content-Security-Policy
// refusals and uncaught errors. Writes one JSON object to stdout; progress goes to stderr.
// Run by tests/NewsSite.Tests/Browser, which starts the site, writes the plan and asserts on the answer.
//
// PLAN: { baseUrl, staff: { email, password },
//         pages: [{ name, path, staff?, vnu?, preview? }] }  (axe runs on every page)
//   staff: open signed in (the script signs in through /admin/login first);
//   preview: on the article editor, type into the body (live preview), then submit the preview button.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LIMIT_MS = Number(process.env.BROWSER_CHECKS_LIMIT_S || 240) * 1000;

const log = (line) => process.stderr.write(`browser-checks: ${line}\n`);

async function main() {
  const t0 = Date.now();
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const base = new URL(plan.baseUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
    throw new Error(`${plan.baseUrl} is not on loopback`);
  }
  const { chromium } = require('playwright-core');
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // No sandbox (CI runs as root); a proxy on a dead port keeps every request to another host from leaving the machine.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--proxy-server=http://127.0.0.1:9',
      '--proxy-bypass-list=127.0.0.1;localhost;[::1]'],
    timeout: 60000,
  });
  const version = browser.version();
  const results = [];
  const lastToValidate = plan.pages.findLastIndex((p) => p.vnu);
  let validating = null;
  try {
    // Readers on a phone; the newsroom on a desktop screen, signed in once through the real form.
    const reader = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'ar' });
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
    await signIn(staff, base, plan.staff);
    for (const entry of plan.pages) {
      const started = Date.now();
      const result = await checkPage(entry.staff ? staff : reader, base, entry, axeSource);
      log(`${entry.name}: ${result.status} axe=${result.axe.length} dialogs=${result.dialogs.length} csp=${result.csp.length} (${Date.now() - started} ms)`);
      results.push(result);
      // The JVM starts as soon as the last page to validate is in, and works while the browser goes on.
      if (!validating && results.length === lastToValidate + 1) {
        validating = validate(results.filter((r) => r.html !== undefined));
        validating.catch(() => {}); // awaited below; this only keeps an early failure from counting as unhandled
      }
    }
  } finally {
    await browser.close();
  }
  await validating;
  for (const r of results) delete r.html;
  return {
    ok: true,
    chromium: version,
    axe: require('axe-core/package.json').version,
    vnu: require('vnu-jar/package.json').version,
    ms: Date.now() - t0,
    pages: results,
  };
}

async function signIn(context, base, { email, password }) {
  const page = await context.newPage();
  await page.goto(new URL('/admin/login', base).href);
  await page.fill('#Input_Email', email);
  await page.fill('#Input_Password', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/admin/login')), page.click('form button[type=submit]')]);
  await page.close();
}

async function checkPage(context, base, entry, axeSource) {
  const page = await context.newPage();
  const result = { name: entry.name, path: entry.path, status: null, dialogs: [], csp: [], errors: [], keyboard: null, axe: null, vnu: null };
  // Any of these means a script ran, or one was stopped only by the Content-Security-Policy.
  page.on('dialog', (dialog) => {
    result.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) result.csp.push(message.text());
  });
  page.on('pageerror', (error) => result.errors.push(String(error.message || error).split('\n')[0]));
  try {
    let response = await page.goto(new URL(entry.path, base).href, { waitUntil: 'load' });
    if (entry.preview) response = await preview(page) || response;
    result.status = response ? response.status() : null;
    result.url = page.url();
    // Handlers such as onerror and ontoggle fire a moment after load.
    await page.waitForTimeout(200);
    if (entry.vnu) result.html = await response.text();
    result.keyboard = await firstTab(page);
    result.axe = await runAxe(page, axeSource);
  } finally {
    await page.close();
  }
  return result;
}

// The editor's two previews: the live one (typing in the body fetches the server's rendering into the page)
// and the form's preview button (hidden once the live one works; pressed here as a browser without it would).
async function preview(page) {
  const body = page.locator('#Input_Body');
  const live = page.waitForResponse((r) => r.url().includes('handler=Preview') && r.request().method() === 'POST');
  await body.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' معاينة');
  await live;
  await page.waitForTimeout(100);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.evaluate(() => {
      const form = document.getElementById('article-form');
      form.requestSubmit(form.querySelector('.preview-button'));
    }),
  ]);
  return response;
}

// What a keyboard user meets first: the element the first Tab focuses, whether it is a link to something on the
// page (a skip link), whether it shows inside the viewport and whether it draws a focus outline.
async function firstTab(page) {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const href = element.getAttribute('href') || '';
    return {
      element: element.outerHTML.slice(0, 200),
      skipsTo: href.startsWith('#') && document.getElementById(href.slice(1)) ? href : null,
      inView: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : null,
    };
  });
}

async function runAxe(page, axeSource) {
  // evaluate() goes through the DevTools protocol, so the page's Content-Security-Policy does not block axe.
  await page.evaluate(axeSource);
  // axe's color-contrast rule skips text it takes for an icon-font ligature, and joined Arabic letters look like one
  // to its test, so every Arabic word would be left out. Telling axe's font cache that the fonts carrying Arabic
  // text have no ligatures puts that text back into the contrast check.
  await page.evaluate(() => {
    const families = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      if (node.parentElement && /\p{Script=Arabic}/u.test(node.nodeValue)) {
        families.add(getComputedStyle(node.parentElement).getPropertyValue('font-family'));
      }
    }
    const fonts = {};
    for (const family of families) fonts[family] = { occurrences: 1e9, numLigatures: 0 };
    window.axe._cache.set('fonts', fonts);
  });
  const found = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return found.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary })),
    count: v.nodes.length,
  }));
}

// All pages in one JVM start: vnu.jar checks several files per run.
async function validate(pages) {
  const started = Date.now();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newssite-vnu-'));
  try {
    const files = pages.map((p, i) => {
      const file = path.join(folder, `${String(i).padStart(2, '0')}.html`);
      fs.writeFileSync(file, p.html);
      p.vnu = { errors: [], warnings: 0 };
      return file;
    });
    const out = await new Promise((resolve, reject) => {
      execFile(process.env.JAVA || 'java', ['-Xss1m', '-jar', String(require('vnu-jar')), '--format', 'json', '--stdout', '--exit-zero-always', ...files],
        { maxBuffer: 64 * 1024 * 1024, timeout: 120000 },
        (error, stdout, stderr) => (error && !stdout ? reject(new Error(`vnu failed: ${(stderr || error.message).split('\n')[0]}`)) : resolve(stdout)));
    });
    for (const m of JSON.parse(out).messages || []) {
      const index = files.findIndex((f) => m.url && decodeURIComponent(m.url).endsWith(f));
      const target = index >= 0 ? pages[index].vnu : null;
      if (!target) throw new Error(`vnu message for an unknown file: ${m.url}: ${m.message}`);
      if (m.type === 'error' || m.type === 'non-document-error') {
        target.errors.push({ line: m.lastLine ?? m.firstLine ?? null, column: m.firstColumn ?? null, message: m.message, extract: m.extract ?? '' });
      } else if (m.subType === 'warning') {
        target.warnings++;
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  log(`vnu: ${pages.length} pages (${Date.now() - started} ms)`);
}

const timer = setTimeout(() => {
  console.log(JSON.stringify({ ok: false, error: `timed out after ${LIMIT_MS} ms` }));
  process.exit(3);
}, LIMIT_MS);
timer.unref();
main().then(
  (report) => { clearTimeout(timer); console.log(JSON.stringify(report)); },
  (error) => { clearTimeout(timer); console.log(JSON.stringify({ ok: false, error: String(error && error.stack || error) })); process.exitCode = 1; },
);
