// The record as of a position or time (/audit/record) in a browser: an admin
// opens it from /audit, sends the empty form (the error at its field), a bad
// position (the error there, the input kept), then a consultation of the
// demo as of a position, follows the link to the agreement text as it stood
// then; axe on every state (JavaScript on: axe runs in the page). JavaScript
// off: the form is a plain GET form and works the same.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkAxe, clickAndWait, launchBrowser, screenshots, signedInPage, visit,
} from './lib/browser.mjs';
import { adminToken, urlOf } from './lib/server.mjs';

async function adminGet(path) {
  const res = await fetch(urlOf(path), { headers: { authorization: `Bearer ${adminToken}` } });
  const text = await res.text();
  assert.ok(res.ok, `GET ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text);
}

describe('audit record', () => {
  let browser, consultation, position;
  before(async () => {
    browser = await launchBrowser();
    // A consultation of the demo with a response, and the position of its first receipt.
    for (const c of (await adminGet('/v1/consultations')).items) {
      const responses = await adminGet(`/v1/consultations/${encodeURIComponent(c.id)}/responses?limit=1`);
      if (responses.items.length > 0) {
        consultation = c.id;
        position = responses.items[0].receipt.position;
        break;
      }
    }
    assert.ok(consultation, 'the demo has a consultation with a response');
  });
  after(async () => { await browser?.close(); });

  for (const javaScriptEnabled of [true, false]) {
    test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}: form, errors in place, the record as of a position`, async () => {
      const { context, page } = await signedInPage(browser, adminToken, { lang: 'en', javaScriptEnabled });
      await visit(page, '/audit');
      await clickAndWait(page, 'a[href="/audit/record"]');
      assert.equal(new URL(page.url()).pathname, '/audit/record');
      const axe = async (name) => { if (javaScriptEnabled) await checkAxe(page, name); };
      await axe('audit-record-form');

      await page.fill('#consultation', consultation);
      await clickAndWait(page, 'form[action="/audit/record"] button[type=submit]');
      assert.match(await page.locator('#position-error').innerText(), /log position/);
      assert.equal(await page.inputValue('#consultation'), consultation);
      await axe('audit-record-error');

      await page.fill('#position', '12x');
      await clickAndWait(page, 'form[action="/audit/record"] button[type=submit]');
      assert.match(await page.locator('#position-error').innerText(), /whole number/);
      assert.equal(await page.inputValue('#position'), '12x');

      await page.fill('#position', String(position));
      await clickAndWait(page, 'form[action="/audit/record"] button[type=submit]');
      assert.match(await page.locator('main h2').first().innerText(), new RegExp(`As of log position ${position}`));
      assert.ok(await page.locator('.trace-tree > li').count() >= 1, 'the first response is listed');
      await axe('audit-record');
      if (javaScriptEnabled) await screenshots(page, 'en-audit-record');
      const textHref = await page.locator('a[href*="?at=position"]').first().getAttribute('href');
      await clickAndWait(page, `a[href="${textHref}"]`);
      assert.equal(new URL(page.url()).searchParams.get('at'), `position:${position}`);
      await context.close();
    });
  }
});
