// The audit pages in a browser: an admin and an auditor (a token made here)
// open /audit, trace a decision of the demo down to a receipt and follow its
// link, trace a response forward, filter and page the log, run the chain
// check to its result (JavaScript on: the page polls; off: the refresh
// link); a stakeholder gets 403 on every audit page, anonymous readers are
// sent to sign in; axe on every page and error state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkAxe, clickAndWait, launchBrowser, newContext, newPage, screenshots, signedInPage, signIn,
  visit,
} from './lib/browser.mjs';
import { adminToken, apiGet, urlOf } from './lib/server.mjs';

async function adminApi(method, path, body) {
  const res = await fetch(urlOf(path), {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text);
}

const pages = ['/audit', '/audit/log', '/audit/verify'];

describe('audit', () => {
  let browser, auditor, stakeholder, decision;
  before(async () => {
    browser = await launchBrowser();
    auditor = (await adminApi('POST', '/v1/admin/tokens', { role: 'auditor', label: 'audit.test auditor' })).token;
    const parties = (await apiGet('/v1/parties')).items;
    stakeholder = (await adminApi('POST', '/v1/admin/tokens',
      { role: 'stakeholder', party: parties[0].id, label: 'audit.test stakeholder' })).token;
    const decisions = await adminApi('GET', '/v1/decisions');
    // A decision whose trace cites a response with a receipt.
    for (const d of decisions.items) {
      const t = await adminApi('GET', `/v1/trace/decisions/${encodeURIComponent(d.id)}`);
      if (t.changes.some((c) => c.cites.some((cite) => cite.receipt))) { decision = d.id; break; }
    }
    assert.ok(decision, 'the demo has a decision whose trace reaches a receipt');
  });
  after(async () => { await browser?.close(); });

  test('JavaScript on: a decision traced down to its receipt, a response forward, the log, verify', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'en', javaScriptEnabled: true });
    await visit(page, '/audit');
    await checkAxe(page, 'audit-start');
    await screenshots(page, 'en-audit-start');
    // The empty form: the error at its field.
    await clickAndWait(page, 'form:has(#decision) button');
    assert.match(await page.locator('#decision-error').innerText(), /Enter the id/);
    await checkAxe(page, 'audit-start-error');
    await page.fill('#decision', decision);
    await clickAndWait(page, 'form:has(#decision) button');
    assert.equal(new URL(page.url()).pathname, `/audit/trace/decisions/${decision}`);
    await page.locator('.trace-tree details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    await checkAxe(page, 'audit-trace-decision');
    await screenshots(page, 'en-audit-trace-decision');
    const receiptLink = page.locator('a[href$="/receipt"]').first();
    const receiptHref = await receiptLink.getAttribute('href');
    const traceHref = await page.locator('a[href^="/audit/trace/responses/"]').first().getAttribute('href');
    await clickAndWait(page, `a[href="${receiptHref}"]`);
    assert.equal(new URL(page.url()).pathname, receiptHref);
    assert.match(await page.locator('h1').innerText(), /receipt/i);
    await visit(page, traceHref);
    assert.match(await page.locator('h1').innerText(), /Trace of response/);
    await page.locator('.trace-tree details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    await checkAxe(page, 'audit-trace-response');
    await screenshots(page, 'en-audit-trace-response');
    assert.ok(await page.locator(`a[href="/audit/trace/decisions/${decision}"]`).count() >= 1);
    // Unknown decision: the 404 page.
    const missing = await page.goto(urlOf('/audit/trace/decisions/no-such-decision'));
    assert.equal(missing.status(), 404);
    await checkAxe(page, 'audit-trace-404');

    // The log: filter by stream and type, page on and back.
    await visit(page, '/audit/log');
    await checkAxe(page, 'audit-log');
    await screenshots(page, 'en-audit-log');
    const shown = await page.locator('.audit-event').count();
    assert.ok(shown > 0 && shown <= 100, `${shown} events on a page`);
    await visit(page, '/audit/log?from=50');
    assert.equal(await page.locator('#event-49').count(), 0);
    await clickAndWait(page, 'a:has-text("Previous events")');
    assert.equal(await page.locator('#event-49').count(), 1);
    assert.equal(await page.locator('#event-50').count(), 0);
    await page.fill('#type', 'DecisionRecorded');
    await clickAndWait(page, 'form.audit-filter button');
    const types = await page.locator('.audit-event-facts dd:nth-of-type(5)').allInnerTexts();
    assert.ok(types.length > 0 && types.every((t) => t === 'DecisionRecorded'), types.join());
    const stream = await page.locator('.audit-event-facts dd:nth-of-type(3)').first().innerText();
    await page.fill('#type', '');
    await page.fill('#stream', stream);
    await clickAndWait(page, 'form.audit-filter button');
    const streams = await page.locator('.audit-event-facts dd:nth-of-type(3)').allInnerTexts();
    assert.ok(streams.every((s) => s === stream), streams.join());
    // Bad filter: at the field.
    await page.fill('#since', '2026-99-01');
    await clickAndWait(page, 'form.audit-filter button');
    assert.match(await page.locator('#since-error').innerText(), /YYYY-MM-DD/);
    await checkAxe(page, 'audit-log-error');
    // Live tail: at the head, a new event appears without reloading.
    await visit(page, '/audit/log');
    const head = Number(await page.locator('#log-intro').getAttribute('data-head'));
    await visit(page, `/audit/log?from=${head + 1}`);
    await page.waitForSelector('#audit-live:not(:empty)');
    await adminApi('POST', '/v1/admin/tokens', { role: 'auditor', label: 'audit.test live' });
    await page.waitForSelector('.audit-event', { timeout: 10000 });

    // Verify: starts, progress polls, result shown.
    await visit(page, '/audit/verify');
    await checkAxe(page, 'audit-verify');
    await clickAndWait(page, '#verify-start');
    await page.waitForSelector('.alert-success', { timeout: 30000 });
    assert.match(await page.locator('.alert-success').innerText(), /intact/);
    await checkAxe(page, 'audit-verify-done');
    await screenshots(page, 'en-audit-verify');
    await context.close();
  });

  test('JavaScript off, as an auditor in Danish: the trace form, the log and verify by the refresh link', async () => {
    const { context, page } = await signedInPage(browser, auditor,
      { lang: 'da', javaScriptEnabled: false });
    await visit(page, '/audit');
    await page.fill('#decision', decision);
    await clickAndWait(page, 'form:has(#decision) button');
    assert.match(await page.locator('h1').innerText(), /Spor af beslutning/);
    await screenshots(page, 'da-audit-trace-decision-nojs');
    await visit(page, `/audit/log?type=DecisionRecorded`);
    assert.ok(await page.locator('#log-newer').count() === 1);
    await visit(page, '/audit/verify');
    await clickAndWait(page, '#verify-start');
    for (let i = 0; i < 100 && await page.locator('#verify-refresh').count() > 0; i++) {
      await clickAndWait(page, '#verify-refresh');
    }
    assert.match(await page.locator('.alert-success').innerText(), /intakt/);
    await screenshots(page, 'da-audit-verify-nojs');
    await context.close();
  });

  test('a stakeholder gets 403 on every audit page; anonymous readers are sent to sign in', async () => {
    const context = await newContext(browser, { lang: 'en', javaScriptEnabled: true });
    const page = await newPage(context);
    for (const path of [...pages, `/audit/trace/decisions/${decision}`]) {
      await visit(page, path);
      assert.equal(new URL(page.url()).pathname, '/sign-in', path);
    }
    await signIn(page, stakeholder);
    for (const path of [...pages, `/audit/trace/decisions/${decision}`]) {
      const res = await page.goto(urlOf(path));
      assert.equal(res.status(), 403, path);
    }
    await checkAxe(page, 'audit-403');
    await screenshots(page, 'en-audit-403');
    await context.close();
  });
});
