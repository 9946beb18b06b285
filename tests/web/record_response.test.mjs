// A response received by post or e-mail, recorded by the secretariat on a
// party's behalf (/manage/consultations/{id}/responses/new, issue 15), in a
// browser, on two consultations of this file (the demo's agreement and
// consulted version): one open, one whose deadline passed yesterday. With
// JavaScript on (English): the form reached from the consultation's page,
// its error state (nothing chosen), a response recorded with the time it
// was received and its receipt, the inbox showing it; on the closed one a
// response received now refused without a reason (nothing written) and
// accepted with one (late: true). With JavaScript off (Danish): "add a
// point" and recording with two points and a scanned letter kept across it.
// A stakeholder gets the 403 page.
// axe-core on every page and error state; screenshots record-*. The same
// rules without a browser: tests/server/web/record_response_pages_test.cpp.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  axeAndScreenshots, checkAxe, clickAndWait, launchBrowser, pageProblems, screenshots, signedInPage,
  visit,
} from './lib/browser.mjs';
import { adminOk } from './lib/admin_api.mjs';
import { demoFacts, rfc3339 } from './lib/demo_facts.mjs';
import { adminToken } from './lib/server.mjs';

const enc = encodeURIComponent;
const kDay = 86400 * 1000;
const letterPdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

// Two consultations of this file: `open` (until tomorrow) and `late` (its
// deadline passed yesterday), inviting two of the demo's parties.
async function setUp() {
  const facts = await demoFacts({ sections: 1, parties: 2 });
  const quotable = facts.sections[0];
  const parties = facts.parties.slice(0, 2).map((p) => p.id);
  const suffix = randomBytes(5).toString('hex');
  const now = Date.now();
  const open = async (id, opens, closes) => adminOk('POST', '/v1/consultations', {
    id, agreement: facts.agreement, version: facts.version, title: `Brevsvar ${id}`,
    opens_at: rfc3339(opens), closes_at: rfc3339(closes), invited: parties,
    time_zone: 'Europe/Copenhagen',
  }, 201);
  const ids = { open: `web-record-${suffix}`, late: `web-record-late-${suffix}` };
  await open(ids.open, now - 3600 * 1000, now + kDay);
  await open(ids.late, now - 3 * kDay, now - kDay);
  const stakeholder = await adminOk('POST', '/v1/admin/tokens',
    { role: 'stakeholder', party: parties[0], label: 'record test' }, 201);
  return { ids, parties, quotable, stakeholderToken: stakeholder.token };
}

const record = (page) => clickAndWait(page, '#record-submit');
const responsesOf = async (id) => (await adminOk('GET', `/v1/consultations/${enc(id)}/responses`)).items;
const formPath = (id) => `/manage/consultations/${enc(id)}/responses/new`;

// The response id of the receipt page the browser is on.
function receiptId(page) {
  const m = /\/responses\/([^/]+)\/receipt$/.exec(new URL(page.url()).pathname);
  assert.ok(m, `not a receipt page: ${page.url()}`);
  return decodeURIComponent(m[1]);
}

describe('recording a response received by post or e-mail', () => {
  let browser;
  let c;
  before(async () => {
    browser = await launchBrowser();
    c = await setUp();
  });
  after(async () => { await browser?.close(); });

  test('JavaScript on: the form, its error state, on time and late', async () => {
    const { context, page } = await signedInPage(browser, adminToken, { lang: 'en' });
    await visit(page, `/manage/consultations/${enc(c.ids.open)}`);
    await clickAndWait(page, `a[href="${formPath(c.ids.open)}"]`);
    assert.match(await page.locator('h1').innerText(), /Record a response received by post or e-mail/);
    assert.equal(await page.locator('#late_reason').count(), 0, 'an open consultation asks for no late reason');
    await axeAndScreenshots(page, 'record-form');

    // Nothing chosen: every problem in the summary and at its field.
    const refused = await record(page);
    assert.equal(refused.status(), 400);
    for (const field of ['party', 'author_name', 'publication-public', 'point-0-text']) {
      assert.equal(await page.locator(`.error-summary a[href="#${field}"]`).count(), 1, field);
    }
    assert.match(await page.locator('#author_name-error').innerText(), /Fill in this field/);
    assert.equal((await responsesOf(c.ids.open)).length, 0);
    await axeAndScreenshots(page, 'record-form-error');

    // Filled in: recorded on the party's behalf, its receipt next.
    await page.selectOption('#party', c.parties[0]);
    await page.fill('#author_name', 'Anne Letter');
    await page.fill('#author_email', 'anne@example.org');
    await page.check('#publication-anonymous');
    await page.selectOption('#point-0-section', c.quotable.id);
    await page.fill('#point-0-quote', c.quotable.quote);
    await page.fill('#point-0-text', 'A point from the letter.');
    const receivedDate = await page.inputValue('#received_date');
    const receivedTime = await page.inputValue('#received_time');
    await record(page);
    const rid = receiptId(page);
    assert.match(await page.locator('.alert-success').innerText(), /on the party's behalf/);
    await axeAndScreenshots(page, 'record-receipt');
    const r = await adminOk('GET', `/v1/consultations/${enc(c.ids.open)}/responses/${enc(rid)}`);
    assert.equal(r.party, c.parties[0]);
    assert.equal(r.late, false);
    assert.ok(r.received_at, 'no received_at');
    assert.equal(r.points[0].quote, c.quotable.quote);
    // The local time in Copenhagen the form showed is the instant recorded.
    const local = new Date(r.received_at).toLocaleString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    assert.equal(local.slice(0, 16), `${receivedDate} ${receivedTime}`);

    // The inbox shows when it was received, and links the form.
    await clickAndWait(page, '.receipt-facts ~ ul a[href$="/responses"]');
    assert.match(await page.locator('.inbox-facts').first().innerText(), /Received/);
    assert.equal(await page.locator(`a[href="${formPath(c.ids.open)}"]`).count(), 1);

    // After the deadline: refused without a reason, nothing written.
    await visit(page, formPath(c.ids.late));
    assert.equal(await page.locator('#late_reason').count(), 1);
    await page.selectOption('#party', c.parties[1]);
    await page.fill('#author_name', 'Bo Mail');
    await page.check('#publication-public');
    await page.fill('#point-0-text', 'Sent by e-mail after the deadline.');
    const late = await record(page);
    assert.equal(late.status(), 409);
    assert.equal(await page.locator('.error-summary a[href="#late_reason"]').count(), 1);
    assert.match(await page.locator('#late_reason-error').innerText(), /after the deadline/);
    assert.equal(await page.inputValue('#author_name'), 'Bo Mail');
    assert.equal(await page.inputValue('#point-0-text'), 'Sent by e-mail after the deadline.');
    assert.equal((await responsesOf(c.ids.late)).length, 0);
    await axeAndScreenshots(page, 'record-late-error');
    // With a reason: recorded as late, by Enter in a field (the form's default button records).
    await page.fill('#late_reason', 'The e-mail server held it back.');
    await Promise.all([page.waitForNavigation(), page.press('#author_name', 'Enter')]);
    const lateId = receiptId(page);
    assert.match(await page.locator('.receipt-late').innerText(), /The e-mail server held it back/);
    const lr = await adminOk('GET', `/v1/consultations/${enc(c.ids.late)}/responses/${enc(lateId)}`);
    assert.equal(lr.late, true);
    assert.equal(lr.late_reason, 'The e-mail server held it back.');
    // The refused posts (400, 409) are the only console errors: no script, no CSP refusal.
    assert.deepEqual(pageProblems(page).filter((p) => !/status of 40[09] .*\/responses\/new\)$/.test(p)), []);
    await context.close();
  });

  test('JavaScript off: add a point, record with two', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'da', javaScriptEnabled: false });
    await visit(page, formPath(c.ids.open));
    await page.selectOption('#party', c.parties[1]);
    await page.fill('#author_name', 'Carl Brev');
    await page.check('#publication-private');
    await page.fill('#point-0-text', 'Første bemærkning.');
    // The scanned letter goes with it, and stays when the form is shown again.
    await page.setInputFiles('#files', { name: 'brev.pdf', mimeType: 'application/pdf', buffer: letterPdf });
    await clickAndWait(page, '#record-form button[value=add]');
    assert.equal(await page.locator('#point-1-text').count(), 1);
    assert.equal(await page.inputValue('#point-0-text'), 'Første bemærkning.');
    assert.match(await page.locator('label[for="file-0-remove"]').innerText(), /brev\.pdf/);
    await page.fill('#point-1-text', 'Anden bemærkning.');
    await screenshots(page, 'record-form-nojs');
    await record(page);
    assert.match(await page.locator('.alert-success').innerText(), /på partens vegne/);
    const r = await adminOk('GET', `/v1/consultations/${enc(c.ids.open)}/responses/${enc(receiptId(page))}`);
    assert.deepEqual(r.points.map((p) => p.text), ['Første bemærkning.', 'Anden bemærkning.']);
    assert.equal(r.publication, 'private');
    assert.deepEqual(r.attachments.map((a) => [a.filename, a.size]), [['brev.pdf', letterPdf.length]]);
    await screenshots(page, 'record-receipt-nojs');
    await context.close();
  });

  test('a stakeholder gets the 403 page', async () => {
    const { context, page } = await signedInPage(browser, c.stakeholderToken, { lang: 'en' });
    assert.equal((await visit(page, formPath(c.ids.open))).status(), 403);
    await checkAxe(page, 'record-forbidden');
    await context.close();
  });
});
