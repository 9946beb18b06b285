// Debian's Chromium driven by playwright-core, and what every page test does
// with a page: visit it, check it with axe-core, save screenshots.
// Artifacts (NAME.axe.json, NAME.desktop.png, NAME.375.png) go to artifactsDir.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { artifactsDir, repoRoot, urlOf } from './server.mjs';

export const chromiumPath = process.env.HOERING_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium reaches for outside hosts
// at every start. playwright gives launch() a fresh --user-data-dir of its own
// (mkdtemp, removed at close) and refuses one in args.
const kArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
               '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: kArgs });
}

export const kDesktop = { width: 1280, height: 800 };

// A context in one language: Accept-Language and navigator.language.
export function newContext(browser, { lang, javaScriptEnabled = true } = {}) {
  return browser.newContext({
    viewport: kDesktop,
    javaScriptEnabled,
    ...(lang ? { locale: lang, extraHTTPHeaders: { 'accept-language': lang } } : {}),
  });
}

// Console errors and uncaught exceptions of a page, in order.
const problems = new WeakMap();

export async function newPage(context) {
  const page = await context.newPage();
  const list = [];
  problems.set(page, list);
  page.on('pageerror', (e) => list.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico by itself; a page that links none is not wrong.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      list.push(`console: ${m.text()} (${m.location().url})`);
    }
  });
  return page;
}

// The console errors (CSP refusals among them) a page has logged so far.
export function pageProblems(page) {
  return problems.get(page) ?? [];
}

// Opens PATH (relative to the server) and returns the main response.
export async function visit(page, path) {
  const response = await page.goto(urlOf(path), { waitUntil: 'load' });
  assert.ok(response, `no response for ${path}`);
  return response;
}

const kWcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource;

// Runs axe-core on the page, writes NAME.axe.json and fails on any violation
// tagged WCAG 2.0/2.1 A or AA. axe is evaluated through the DevTools protocol,
// which the page's CSP (script-src 'self') does not govern: an injected
// <script> (page.addScriptTag) would be refused. Needs JavaScript enabled.
export async function checkAxe(page, name) {
  axeSource ??= readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  writeFileSync(join(artifactsDir, `${name}.axe.json`), JSON.stringify(results, null, 1));
  const failing = results.violations.filter((v) => v.tags.some((t) => kWcagTags.includes(t)));
  if (failing.length > 0) {
    const lines = failing.map((v) => `  ${v.id} [${v.impact}] ${v.help}: ` +
        `${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}` +
        `${v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : ''}\n    ${v.helpUrl}`);
    assert.fail(`axe: ${failing.length} WCAG 2.1 A/AA violation(s) on ${name} (${page.url()}), ` +
                `see ${name}.axe.json:\n${lines.join('\n')}`);
  }
  return results;
}

// Saves full-page screenshots at desktop width and at 375 px.
export async function screenshots(page, name) {
  const before = page.viewportSize() ?? kDesktop;
  for (const [label, width] of [['desktop', kDesktop.width], ['375', 375]]) {
    await page.setViewportSize({ width, height: kDesktop.height });
    await page.screenshot({ path: join(artifactsDir, `${name}.${label}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

// checkAxe and screenshots under the same NAME: the page as it is now.
export async function axeAndScreenshots(page, name) {
  await checkAxe(page, name);
  await screenshots(page, name);
}

// Clicks what submits a form or follows a link and waits for the next page;
// answers that navigation's response.
export async function clickAndWait(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response;
}

// Signs in on /sign-in with an access token or an invitation code.
export async function signIn(page, token) {
  await visit(page, '/sign-in');
  await page.fill('#token', token);
  await clickAndWait(page, 'form[action="/sign-in"] button[type=submit]');
}

// A new context (newContext's options) and page in it, signed in with TOKEN:
// {context, page}; the caller closes the context.
export async function signedInPage(browser, token, options) {
  const context = await newContext(browser, options);
  const page = await newPage(context);
  await signIn(page, token);
  return { context, page };
}
