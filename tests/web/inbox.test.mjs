// The committee's inbox (issue 15) in a browser, on a consultation of its own
// (the demo's agreement and consulted version, three parties' responses sent
// through the API, then closed): the admin signs in, filters by party, by
// outcome and by a word prefix ("TANDL" finds "tandlæger"), sets one
// disposition in place and changes it (the history shows the earlier one),
// sets "noted" for several selected points at once and sees the outcome per
// point; the error states (a disposition without an outcome, a selection
// without points); a stakeholder gets the 403 page. With JavaScript off the
// filter form and the single disposition form work the same. axe-core on
// every page and error state; screenshots inbox-*. The same rules without a
// browser: tests/server/web/inbox_pages_test.cpp.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  axeAndScreenshots, checkAxe, clickAndWait, launchBrowser, screenshots, signedInPage, visit,
} from './lib/browser.mjs';
import { adminOk } from './lib/admin_api.mjs';
import { demoFacts, rfc3339 } from './lib/demo_facts.mjs';
import { adminToken } from './lib/server.mjs';

const enc = encodeURIComponent;

// A closed consultation of this file with six points from three parties.
async function setUp() {
  const facts = await demoFacts({ sections: 2, parties: 3 });
  const quotable = facts.sections;
  const parties = facts.parties.slice(0, 3).map((p) => p.id);
  const id = `web-inbox-${randomBytes(6).toString('hex')}`;
  const now = Date.now();
  await adminOk('POST', '/v1/consultations', {
    id, agreement: facts.agreement, version: facts.version, title: `Indbakke ${id}`,
    opens_at: rfc3339(now - 3600 * 1000), closes_at: rfc3339(now + 86400 * 1000),
    invited: parties, time_zone: 'Europe/Copenhagen',
  }, 201);
  const points = [
    [{ section: quotable[0].id, quote: quotable[0].quote, text: 'Vi ønsker flere tandlæger i kommunen.' },
     { text: 'En generel bemærkning om økonomien.' }],
    [{ section: quotable[1].id, quote: quotable[1].quote, text: 'Tandlægeordningen bør udvides.' },
     { text: 'Ingen yderligere bemærkninger.' }],
    [{ text: 'Ingen yderligere bemærkninger.' }, { text: 'Ingen yderligere bemærkninger her heller.' }],
  ];
  const responses = [];
  for (let i = 0; i < 3; i += 1) {
    const receipt = await adminOk('POST', `/v1/consultations/${enc(id)}/responses`, {
      party: parties[i], author: { name: `Sagsbehandler ${i + 1}` }, points: points[i],
      publication: 'public',
    }, 201);
    responses.push(receipt.response);
  }
  await adminOk('POST', `/v1/consultations/${enc(id)}/close`, { reason: 'Testens frist' });
  const stakeholder = await adminOk('POST', '/v1/admin/tokens',
    { role: 'stakeholder', party: parties[0], label: 'inbox test' }, 201);
  return { id, parties, responses, stakeholderToken: stakeholder.token };
}

async function current(c, rid, n) {
  return adminOk('GET', `/v1/consultations/${enc(c.id)}/responses/${enc(rid)}/points/${n}/disposition`);
}

// Sets point `n` of response `rid` through its form in place.
async function setOne(page, rid, n, outcome, rationale) {
  const point = `#point-${rid}-${n}`;
  await page.click(`${point} details.inbox-edit > summary`);
  if (outcome !== null) await page.selectOption(`#outcome-${rid}-${n}`, outcome);
  else await page.selectOption(`#outcome-${rid}-${n}`, '');
  await page.fill(`#rationale-${rid}-${n}`, rationale);
  return clickAndWait(page, `${point} details.inbox-edit button[type=submit]`);
}

const count = async (page) => (await page.locator('.inbox-count').innerText()).trim();

describe('inbox', () => {
  let browser;
  let c;
  let inbox;
  before(async () => {
    browser = await launchBrowser();
    c = await setUp();
    inbox = `/manage/consultations/${enc(c.id)}/responses`;
  });
  after(async () => { await browser?.close(); });

  test('JavaScript on: filter, search, set in place, history, a selection, errors', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'da', javaScriptEnabled: true });
    assert.equal((await visit(page, inbox)).status(), 200);
    assert.match(await count(page), /^6 af 6/);
    assert.ok((await page.locator('.quote mark').count()) >= 2, 'quotes are marked in context');
    await axeAndScreenshots(page, 'inbox');

    // Filters: a party, then a word prefix in any case.
    await page.selectOption('#filter-party', c.parties[2]);
    await clickAndWait(page, '#inbox-filter button[type=submit]');
    assert.match(await count(page), /^2 af 6/);
    await page.selectOption('#filter-party', '');
    await page.fill('#filter-q', 'TANDL');
    await clickAndWait(page, '#inbox-filter button[type=submit]');
    assert.match(await count(page), /^2 af 6/);
    assert.match(await page.locator('.inbox-points').innerText(), /tandlæger/);
    await axeAndScreenshots(page, 'inbox-search');

    // One point in place, then changed: the earlier one is in the history.
    const [a, b, d] = c.responses;
    let res = await setOne(page, a, 1, 'accepted', 'Indarbejdet i afsnittet.');
    assert.equal(res.status(), 200);
    assert.match(page.url(), /saved=/);
    assert.equal(await page.locator(`#point-${a}-1 .alert-success`).count(), 1);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'TANDL', 'the filter is kept');
    res = await setOne(page, a, 1, 'partially_accepted', 'Delvist indarbejdet.');
    assert.equal((await current(c, a, 1)).current.outcome, 'partially_accepted');
    await page.click(`#point-${a}-1 details.inbox-history > summary`);
    assert.match(await page.locator(`#point-${a}-1 .inbox-history-list`).innerText(), /Imødekommet/);
    await axeAndScreenshots(page, 'inbox-history');

    // A disposition without an outcome: refused at the field, input kept.
    res = await setOne(page, b, 1, null, 'Mangler udfald');
    assert.equal(res.status(), 400);
    assert.equal(await page.locator(`.error-summary a[href="#outcome-${b}-1"]`).count(), 1);
    assert.match(await page.locator(`#outcome-${b}-1-error`).innerText(), /Vælg et udfald/);
    assert.equal(await page.inputValue(`#rationale-${b}-1`), 'Mangler udfald');
    assert.equal((await current(c, b, 1)).current, null);
    await axeAndScreenshots(page, 'inbox-error');

    // "noted" for the three "Ingen ..." points at once.
    await visit(page, `${inbox}?q=ingen`);
    assert.match(await count(page), /^3 af 6/);
    await clickAndWait(page, '#bulk-form button[type=submit]');  // nothing ticked
    assert.equal(await page.locator('.error-summary a[href="#bulk-points"]').count(), 1);
    await checkAxe(page, 'inbox-selection-error');
    for (const box of await page.locator('input[name=point]').all()) await box.check();
    await page.selectOption('#bulk-outcome', 'noted');
    await page.fill('#bulk-rationale', 'Taget til efterretning.');
    res = await clickAndWait(page, '#bulk-form button[type=submit]');
    assert.equal(res.status(), 200);
    assert.equal(await page.locator('tbody tr').count(), 3);
    assert.match(await page.locator('.alert-success').innerText(), /^3 bemærkninger/);
    for (const [rid, n] of [[b, 2], [d, 1], [d, 2]]) {
      assert.equal((await current(c, rid, n)).current.outcome, 'noted');
    }
    await axeAndScreenshots(page, 'inbox-selection');
    await visit(page, `${inbox}?outcome=noted`);
    assert.match(await count(page), /^3 af 6/);
    await context.close();
  });

  test('JavaScript off: the filter form and the disposition form', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'en', javaScriptEnabled: false });
    await visit(page, inbox);
    await page.selectOption('#filter-outcome', 'none');
    await clickAndWait(page, '#inbox-filter button[type=submit]');
    assert.match(await count(page), /^\d+ of 6/);
    const rid = c.responses[0];
    const res = await setOne(page, rid, 2, 'out_of_scope', 'Outside the agreement.');
    assert.equal(res.status(), 200);
    assert.equal((await current(c, rid, 2)).current.outcome, 'out_of_scope');
    await screenshots(page, 'inbox-nojs');
    await context.close();
  });

  test('a stakeholder gets the 403 page', async () => {
    const { context, page } = await signedInPage(browser, c.stakeholderToken,
      { lang: 'da', javaScriptEnabled: true });
    assert.equal((await visit(page, inbox)).status(), 403);
    await axeAndScreenshots(page, 'inbox-forbidden');
    await context.close();
  });
});
