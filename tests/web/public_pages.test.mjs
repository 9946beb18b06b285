// The public pages (issue 14) in Danish and English on the demo data: status,
// language, heading, the titles the API gives, security headers, axe-core,
// screenshots; the same pages with JavaScript off; the /static/ assets.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  axeAndScreenshots, launchBrowser, newContext, newPage, pageProblems, visit,
} from './lib/browser.mjs';
import { adminToken, apiGet, urlOf } from './lib/server.mjs';

const enc = encodeURIComponent;

// The pages to visit, with the texts each must show, found through the API.
async function publicPages() {
  const consultations = (await apiGet('/v1/consultations')).items;
  assert.ok(consultations.length > 0, 'no consultations: is the demo loaded?');
  const closed = consultations.find((c) => c.state === 'closed' && c.responses.submitted > 0);
  assert.ok(closed, 'no closed consultation with responses in the demo');
  const responses = (await apiGet(`/v1/consultations/${enc(closed.id)}/responses`)).items;
  const published = responses.find((r) => r.publication === 'public' && r.author?.name);
  assert.ok(published, `no public response in ${closed.id}`);
  const agreement = await apiGet(`/v1/agreements/${enc(closed.agreement)}`);
  const versions = (await apiGet(`/v1/agreements/${enc(agreement.id)}/versions`)).items;
  assert.ok(versions.length >= 2, `${agreement.id} has fewer than two versions`);
  const [from, to] = [versions[0].number, versions.at(-1).number];
  const c = `/consultations/${enc(closed.id)}`;
  const a = `/agreements/${enc(agreement.id)}`;
  return [
    { key: 'home', path: '/', texts: consultations.map((x) => x.title) },
    { key: 'consultation', path: c, texts: [closed.title] },
    { key: 'agreement', path: a, texts: [agreement.title] },
    { key: 'diff', path: `${a}/diff?from=${from}&to=${to}`, texts: [agreement.title] },
    { key: 'report', path: `${c}/report`, texts: [closed.title] },
    { key: 'response', path: `${c}/responses/${enc(published.id)}`, texts: [published.author.name] },
    { key: 'accessibility', path: '/accessibility', texts: [] },
    { key: 'receipts-verify', path: '/receipts/verify', texts: [] },
  ];
}
const pages = await publicPages();

// CSP directive name -> its sources.
function parseCsp(header) {
  const directives = new Map();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function assertSecurityHeaders(headers, path) {
  const csp = parseCsp(headers['content-security-policy']);
  assert.ok(csp.size > 0, `${path}: no Content-Security-Policy`);
  for (const name of ['script-src', 'style-src']) {
    const sources = csp.get(name) ?? csp.get('default-src') ?? [];
    assert.ok(sources.includes("'self'"), `${path}: CSP ${name} is not 'self': ${sources.join(' ')}`);
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:']) {
      assert.ok(!sources.includes(unsafe), `${path}: CSP ${name} allows ${unsafe}`);
    }
  }
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], `${path}: CSP frame-ancestors`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${path}: X-Content-Type-Options`);
  const referrer = headers['referrer-policy'];
  assert.ok(referrer && !/unsafe-url|no-referrer-when-downgrade/.test(referrer),
            `${path}: Referrer-Policy is ${referrer}`);
  assert.match(headers['content-type'] ?? '', /^text\/html;\s*charset=utf-8$/i, `${path}: Content-Type`);
}

// What every page must be, with or without JavaScript.
async function assertRendered(page, response, lang, path) {
  assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
  assert.equal(await page.locator('html').getAttribute('lang'), lang, `${path}: <html lang>`);
  assert.equal(await page.locator('h1').count(), 1, `${path}: one <h1>`);
  assert.ok((await page.locator('h1').innerText()).trim(), `${path}: the <h1> is empty`);
}

// The hooks sit in a describe(), where node:test runs them since Node 18.
describe('public pages', () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  for (const lang of ['da', 'en']) {
    describe(`in ${lang}`, () => {
      let context;
      before(async () => { context = await newContext(browser, { lang }); });
      after(async () => { await context?.close(); });

      for (const { key, path, texts } of pages) {
        test(`${lang} ${path}`, async () => {
          const page = await newPage(context);
          try {
            const response = await visit(page, path);
            await assertRendered(page, response, lang, path);
            assertSecurityHeaders(response.headers(), path);
            const text = await page.locator('body').innerText();
            for (const t of texts) assert.ok(text.includes(t), `${path} does not show "${t}"`);
            if (adminToken) assert.ok(!(await page.content()).includes(adminToken), `${path} shows a token`);
            await axeAndScreenshots(page, `${lang}-${key}`);
            assert.deepEqual(pageProblems(page), [], `${path}: console errors`);
          } finally {
            await page.close();
          }
        });
      }

      const other = lang === 'da' ? 'en' : 'da';
      test(`${lang}: a visible link switches to ${other}`, async () => {
        const page = await newPage(context);
        try {
          for (const { path } of pages) {
            // The switch sets a language cookie; start each page from the context's language.
            await context.clearCookies();
            await visit(page, path);
            const link = page.locator(`a[hreflang="${other}"]`).first();
            assert.ok(await link.count(), `${path}: no link with hreflang="${other}"`);
            assert.ok(await link.isVisible(), `${path}: the first ${other} link is not visible`);
            await link.click();
            await page.waitForLoadState('load');
            assert.equal(await page.locator('html').getAttribute('lang'), other, `${path}: after the switch`);
            assert.equal(new URL(page.url()).pathname, new URL(urlOf(path)).pathname,
                         `${path}: the switch left the page`);
            // The choice is remembered: the same page without ?lang= stays switched.
            await visit(page, path);
            assert.equal(await page.locator('html').getAttribute('lang'), other, `${path}: remembered`);
          }
        } finally {
          await page.close();
        }
      });
    });
  }

  describe('with JavaScript off', () => {
    let context;
    before(async () => { context = await newContext(browser, { lang: 'da', javaScriptEnabled: false }); });
    after(async () => { await context?.close(); });

    for (const { path, texts } of pages) {
      test(`no JavaScript: ${path}`, async () => {
        const page = await newPage(context);
        try {
          await assertRendered(page, await visit(page, path), 'da', path);
          const text = await page.locator('body').innerText();
          for (const t of texts) assert.ok(text.includes(t), `${path} does not show "${t}"`);
        } finally {
          await page.close();
        }
      });
    }
  });

  test('the stylesheets and scripts of the pages are immutable /static/ assets with an ETag', async () => {
    const context = await newContext(browser, { lang: 'da' });
    const assets = new Set();
    try {
      const page = await context.newPage();
      for (const { path } of pages) {
        await visit(page, path);
        const hrefs = await page.$$eval('link[rel~="stylesheet"][href], script[src]',
                                        (els) => els.map((e) => e.href || e.src));
        assert.ok(hrefs.length > 0, `${path} links no stylesheet`);
        hrefs.forEach((h) => assets.add(h));
      }
    } finally {
      await context.close();
    }
    for (const href of assets) {
      const url = new URL(href);
      assert.equal(url.origin, new URL(urlOf('/')).origin, `${href} is not served by hoering`);
      assert.match(url.pathname, /^\/static\//, `${href} is not under /static/`);
      const res = await fetch(href);
      assert.equal(res.status, 200, `${href} answered ${res.status}`);
      await res.arrayBuffer();
      assert.match(res.headers.get('cache-control') ?? '', /\bimmutable\b/, `${href}: Cache-Control`);
      const etag = res.headers.get('etag');
      assert.ok(etag, `${href} has no ETag`);
      const again = await fetch(href, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304, `${href} with If-None-Match: ${etag} answered ${again.status}`);
    }
  });
});
