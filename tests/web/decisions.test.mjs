// Decisions in a browser (issue 15): an agreement of this file's own with a
// published version (through the API), an SSU decision with a condition
// recorded on /manage/decisions/new, its error states (missing body, a bad
// date) at their fields, the form without JavaScript with "add another row",
// the councils' approvals until /agreements/{id}/ratification says concluded,
// a condition fulfilled with evidence and an obligation marked done on the
// calendar, a stakeholder refused with 403; axe on every page and error state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  axeAndScreenshots, checkAxe, clickAndWait, launchBrowser, newContext, newPage, screenshots,
  signedInPage, signIn, visit,
} from './lib/browser.mjs';
import { adminToken, urlOf } from './lib/server.mjs';

const s = `dec${Date.now().toString(36)}`;
const agreement = `${s}-aftale`;
const region = `${s}-region`;
const kommune = `${s}-kommune`;

async function api(method, path, body, type = 'application/json') {
  const res = await fetch(urlOf(path), {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.status < 300, `${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

// Fills the decision form: text fields by id, selects and the final radio.
async function fillDecision(page, f) {
  await page.selectOption('#agreement', agreement);
  await page.fill('#version', '1');
  await page.fill('#id', f.id);
  await page.fill('#body_name', f.body);
  await page.selectOption('#body_party', f.party);
  await page.fill('#meeting_date', f.date);
  await page.selectOption('#outcome', f.outcome);
  await page.check(f.final ? '#final_for_party' : '#final_for_party-no');
  if (f.condition) {
    await page.fill('#condition_text_1', f.condition.text);
    await page.selectOption('#condition_party_1', f.condition.party);
    await page.fill('#condition_due_1', f.condition.due);
  }
}

async function submit(page, selector = 'form.decision-form button.button-primary') {
  await clickAndWait(page, selector);
}

describe('decisions', () => {
  let browser;
  let stakeholder;
  before(async () => {
    browser = await launchBrowser();
    await api('POST', '/v1/parties', { id: region, name: `Region ${s}`, kind: 'region' });
    await api('POST', '/v1/parties', { id: kommune, name: `Kommune ${s}`, kind: 'municipality' });
    await api('POST', '/v1/agreements', {
      id: agreement, title: `Sundhedsaftale ${s}`,
      term: { entry_into_force: '2024-07-01', years: 4 }, parties: [region, kommune],
    });
    await api('POST', `/v1/agreements/${agreement}/import`,
      '# Vision\n\nVi samarbejder om sundhed.\n\n# Opfølgning\n\nÅrlig status.\n', 'text/markdown');
    await api('POST', `/v1/agreements/${agreement}/versions`, { label: 'endelig' });
    stakeholder = (await api('POST', '/v1/admin/tokens',
      { role: 'stakeholder', party: kommune, label: `${s} stakeholder` })).token;
  });
  after(async () => { await browser?.close(); });

  test('without JavaScript: add another row keeps the input; the region records its approval', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'da', javaScriptEnabled: false });
    await visit(page, `/manage/decisions/new?agreement=${agreement}`);
    await fillDecision(page, {
      id: `${s}-rr`, body: 'Regionsrådet', party: region, date: '2024-06-19',
      outcome: 'approved', final: true,
    });
    await page.fill('#recommendation_1', 'Følg op på det nære sundhedsvæsen');
    await submit(page, 'button[name=add][value=condition]');
    assert.equal(await page.locator('[id^=condition_text_]').count(), 4);
    assert.equal(await page.inputValue('#body_name'), 'Regionsrådet');
    assert.equal(await page.inputValue('#recommendation_1'), 'Følg op på det nære sundhedsvæsen');
    await screenshots(page, 'da-decision-new-rows-nojs');
    await submit(page);
    assert.equal(new URL(page.url()).pathname, `/decisions/${s}-rr`);
    assert.match(await page.locator('h1').innerText(), /Regionsrådet/);
    await context.close();
  });

  test('with JavaScript: errors at the fields, an SSU decision, approvals, fulfilment, obligations', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'da', javaScriptEnabled: true });
    await visit(page, `/manage/decisions/new?agreement=${agreement}`);
    await axeAndScreenshots(page, 'da-decision-new');

    // Missing body and a bad date: at their fields, input kept, nothing written.
    await fillDecision(page, {
      id: `${s}-ssu`, body: '', party: kommune, date: '2024-02-30',
      outcome: 'approved_with_conditions', final: false,
      condition: { text: 'Årlig status til udvalget', party: kommune, due: '2020-06-30' },
    });
    await submit(page);
    assert.match(await page.locator('#body_name-error').innerText(), /organets navn/);
    assert.match(await page.locator('#meeting_date-error').innerText(), /gyldig dato/);
    assert.equal(await page.locator('.error-summary a[href="#body_name"]').count(), 1);
    assert.equal(await page.inputValue('#condition_text_1'), 'Årlig status til udvalget');
    await axeAndScreenshots(page, 'da-decision-new-errors');

    await page.fill('#body_name', 'Social- og Sundhedsudvalget');
    await page.fill('#meeting_date', '2024-05-23');
    await submit(page);
    assert.equal(new URL(page.url()).pathname, `/decisions/${s}-ssu`);
    assert.match(await page.locator('#condition-1').innerText(), /Overskredet/);
    assert.equal(await page.locator(`a[href="/agreements/${agreement}?at=1"]`).count(), 1);
    await axeAndScreenshots(page, 'da-decision');

    await visit(page, `/agreements/${agreement}/ratification`);
    assert.match(await page.locator('.alert').innerText(), /ikke afsluttet/);
    await checkAxe(page, 'da-ratification-pending');

    // The municipal council's final approval concludes it (the region's was recorded above).
    await visit(page, `/manage/decisions/new?agreement=${agreement}`);
    await fillDecision(page, {
      id: `${s}-br`, body: 'Byrådet', party: kommune, date: '2024-06-12',
      outcome: 'approved', final: true,
    });
    await submit(page);
    await visit(page, `/agreements/${agreement}/ratification`);
    assert.match(await page.locator('.alert').innerText(), /er afsluttet/);
    assert.equal(await page.locator(`a[href="/decisions/${s}-br"]`).count(), 1);
    await axeAndScreenshots(page, 'da-ratification');

    // Fulfil the condition: empty evidence first, then with evidence.
    await visit(page, `/decisions/${s}-ssu`);
    await submit(page, '#condition-1 button[type=submit]');
    assert.equal(await page.locator('#evidence-1-error').count(), 1);
    await checkAxe(page, 'da-decision-fulfil-error');
    await page.fill('#evidence-1', 'Referat af udvalgsmøde 2025-06-12, pkt. 4');
    await submit(page, '#condition-1 button[type=submit]');
    assert.match(await page.locator('#condition-1').innerText(), /Opfyldt/);

    await visit(page, `/agreements/${agreement}/obligations`);
    const condition = page.locator(`[id="condition-${s}-ssu-1"]`);
    assert.match(await condition.innerText(), /Opfyldt/);
    assert.match(await condition.innerText(), /Referat af udvalgsmøde/);
    assert.match(await page.locator('#obligation-review-2025').innerText(), /Overskredet/);
    await page.fill('#evidence-review-2025', 'Status behandlet i Sundhedskoordinationsudvalget');
    await submit(page, '#obligation-review-2025 button[type=submit]');
    assert.match(await page.locator('#obligation-review-2025').innerText(), /Opfyldt/);
    await axeAndScreenshots(page, 'da-obligations');

    await visit(page, '/decisions');
    assert.ok(await page.locator(`a[href="/decisions/${s}-ssu"]`).count() <= 1);
    await checkAxe(page, 'da-decisions');
    await visit(page, `/agreements/${agreement}`);
    assert.equal(await page.locator(`a[href="/agreements/${agreement}/ratification"]`).count(), 1);
    await context.close();
  });

  test('English pages pass axe; a stakeholder gets 403 on the form', async () => {
    const context = await newContext(browser, { lang: 'en', javaScriptEnabled: true });
    const page = await newPage(context);
    for (const [path, name] of [[`/decisions/${s}-ssu`, 'en-decision'],
      [`/agreements/${agreement}/ratification`, 'en-ratification'],
      [`/agreements/${agreement}/obligations`, 'en-obligations']]) {
      assert.equal((await visit(page, path)).status(), 200);
      assert.equal(await page.locator('form[method=post] textarea[name=evidence]').count(), 0);
      await axeAndScreenshots(page, name);
    }
    await signIn(page, stakeholder);
    assert.equal((await visit(page, '/manage/decisions/new')).status(), 403);
    await checkAxe(page, 'en-decision-new-403');
    await context.close();
  });
});
