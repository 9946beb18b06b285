// The secretariat's pages (issue 15) in a browser: signed in as the
// administrator, open a consultation on the demo's published version from
// /manage/consultations/new (JavaScript on, in English: first its error
// state, then for real; JavaScript off, in Danish: the same form), see it on
// /manage, extend it with a reason (and its error state), create an
// invitation whose code is shown once and signs the party in on /sign-in,
// revoke another, close it through the confirm step; a stakeholder gets the
// 403 page on /manage and an anonymous reader is sent to /sign-in. axe on
// every page and error state; screenshots manage-*. Parties and
// consultations are this file's own (ids with a random suffix). The same
// rules without a browser: tests/server/web/manage_pages_test.cpp.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  axeAndScreenshots, checkAxe, clickAndWait, launchBrowser, newContext, newPage, screenshots,
  signedInPage, visit,
} from './lib/browser.mjs';
import { adminOk } from './lib/admin_api.mjs';
import { adminToken, apiGet, urlOf } from './lib/server.mjs';

const suffix = randomBytes(3).toString('hex');
const parties = ['a', 'b', 'c'].map((x) => ({
  id: `mgr-${suffix}-${x}`, name: `Manage test party ${x.toUpperCase()} ${suffix}`, kind: 'organisation',
}));

// The demo's latest published version: "<agreement>/<number>".
async function publishedVersion() {
  for (const a of (await apiGet('/v1/agreements')).items) {
    const versions = (await apiGet(`/v1/agreements/${encodeURIComponent(a.id)}/versions`)).items;
    if (versions.length > 0) return `${a.id}/${versions[versions.length - 1].number}`;
  }
  assert.fail('no published version: is the demo loaded?');
}

// Fills the open form and sends it; returns to the caller on the next page.
async function openConsultation(page, { version, id, title }) {
  await visit(page, '/manage/consultations/new');
  await page.selectOption('#version', version);
  await page.fill('#title', title);
  await page.fill('#id', id);
  await page.fill('#opens_date', '2026-01-05');
  await page.fill('#opens_time', '09:00');
  await page.fill('#closes_date', '2099-03-01');
  await page.fill('#closes_time', '12:00');
  await page.check(`input[name=invited][value="${parties[0].id}"]`);
  await page.check(`input[name=invited][value="${parties[1].id}"]`);
  await clickAndWait(page, '#new-consultation button[type=submit]');
}

describe('secretariat pages', () => {
  let browser;
  let version;
  before(async () => {
    browser = await launchBrowser();
    version = await publishedVersion();
    for (const p of parties) await adminOk('POST', '/v1/parties', p, 201);
  });
  after(async () => { await browser?.close(); });

  test('JavaScript on: open, extend, invite, revoke, close', async () => {
    const { context, page } = await signedInPage(browser, adminToken, { lang: 'en' });
    await visit(page, '/manage');
    assert.match(await page.locator('h1').innerText(), /Secretariat/);
    await axeAndScreenshots(page, 'manage-start');

    // The form's error state: nothing chosen, nothing written.
    await visit(page, '/manage/consultations/new');
    await axeAndScreenshots(page, 'manage-new');
    await page.fill('#title', '');
    // A browser without a date picker sends what was typed: the server says
    // which format it wants.
    await page.locator('#opens_date').evaluate((input) => { input.type = 'text'; });
    await page.fill('#opens_date', 'soon');
    await clickAndWait(page, '#new-consultation button[type=submit]');
    assert.equal(await page.locator('.error-summary a[href="#title"]').count(), 1);
    assert.equal(await page.locator('.error-summary a[href="#version"]').count(), 1);
    assert.match(await page.locator('#opens_date-error').innerText(), /YYYY-MM-DD/);
    // Kept in the answer (a date input then shows it empty, as browsers do).
    assert.equal(await page.locator('#opens_date').getAttribute('value'), 'soon');
    await axeAndScreenshots(page, 'manage-new-error');

    const id = `mgr-${suffix}-js`;
    await openConsultation(page, { version, id, title: `Manage test ${suffix}` });
    assert.equal(new URL(page.url()).pathname, `/manage/consultations/${id}`);
    assert.match(await page.locator('.alert-success').innerText(), /has been opened/);
    const opened = await apiGet(`/v1/consultations/${id}`);
    assert.equal(opened.opens_at, '2026-01-05T08:00:00.000Z');  // 09:00 in Copenhagen, winter
    assert.deepEqual(opened.invited, [parties[0].id, parties[1].id]);
    assert.equal(await page.locator('svg[role=img] title').first().count(), 1);
    await axeAndScreenshots(page, 'manage-consultation');

    // On the start page, with its links.
    await visit(page, '/manage');
    assert.equal(await page.locator(`a[href="/manage/consultations/${id}"]`).count(), 1);
    assert.equal(await page.locator(`a[href="/manage/consultations/${id}/responses"]`).count(), 1);

    // Extend: without a reason refused at the field, then with one.
    await visit(page, `/manage/consultations/${id}`);
    await page.fill('#extend_date', '2099-11-02');
    await clickAndWait(page, 'form[action$="/extend"] button[type=submit]');
    assert.equal(await page.locator('.error-summary a[href="#extend_reason"]').count(), 1);
    assert.equal(await page.inputValue('#extend_date'), '2099-11-02');
    await axeAndScreenshots(page, 'manage-extend-error');
    await page.fill('#extend_reason', 'Asked for by the parties');
    await clickAndWait(page, 'form[action$="/extend"] button[type=submit]');
    assert.match(await page.locator('.alert-success').innerText(), /extended/);
    assert.equal((await apiGet(`/v1/consultations/${id}`)).closes_at, '2099-11-02T11:00:00.000Z');

    // An invitation: the code once, on the answer to the POST only.
    const row = (p) => page.locator('tr', { has: page.locator(`th:text-is("${p.name}")`) });
    await clickAndWait(page, `form[action$="/invitations"]:has(input[value="${parties[0].id}"]) button`);
    assert.equal(new URL(page.url()).pathname, `/manage/consultations/${id}/invitations`);
    const code = await page.inputValue('#invitation-code');
    assert.match(code, /^inv_/);
    assert.ok((await page.inputValue('#invitation-link')).endsWith(`/sign-in?token=${code}`));
    await axeAndScreenshots(page, 'manage-invitation');
    await visit(page, `/manage/consultations/${id}`);
    assert.ok(!(await page.content()).includes(code), 'the code is shown again');
    assert.equal(await row(parties[0]).locator('td').nth(1).innerText(), '1');
    // It signs the party in.
    const { context: party, page: partyPage } = await signedInPage(browser, code, { lang: 'en' });
    assert.match(await partyPage.locator('.signed-in').innerText(), new RegExp(parties[0].name));
    await party.close();

    // Another, revoked.
    await clickAndWait(page, `form[action$="/invitations"]:has(input[value="${parties[1].id}"]) button`);
    const second = await page.inputValue('#invitation-code');
    await visit(page, `/manage/consultations/${id}`);
    const revokeForm = page.locator('form.manage-revoke').last();
    await revokeForm.locator('input[name=reason]').fill('Sent to the wrong person');
    await clickAndWait(page, 'form.manage-revoke >> nth=-1 >> button');
    assert.match(await page.locator('.alert-success').innerText(), /revoked/);
    assert.equal(await page.locator('table.manage-invitations td', { hasText: 'Revoked' }).count(), 1);
    await checkAxe(page, 'manage-revoked');
    const refused = await fetch(urlOf(`/sign-in?token=${second}`), { redirect: 'manual' });
    assert.equal(refused.status, 401);

    // Close, through the confirm step.
    await page.click('a[href$="/close"]');
    await page.waitForURL(/\/close$/);
    await axeAndScreenshots(page, 'manage-close');
    await page.fill('#close_reason', 'Test finished');
    await clickAndWait(page, 'form[action$="/close"] button[type=submit]');
    assert.match(await page.locator('.alert-success').innerText(), /closed/);
    assert.equal((await apiGet(`/v1/consultations/${id}`)).state, 'closed');
    await axeAndScreenshots(page, 'manage-closed');
    await context.close();
  });

  test('JavaScript off: the open form and the close confirmation', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'da', javaScriptEnabled: false });
    const id = `mgr-${suffix}-nojs`;
    await openConsultation(page, { version, id, title: `Høring uden JavaScript ${suffix}` });
    assert.equal(new URL(page.url()).pathname, `/manage/consultations/${id}`);
    assert.match(await page.locator('.alert-success').innerText(), /åbnet/);
    await screenshots(page, 'manage-consultation-nojs');
    await page.click('a[href$="/close"]');
    await page.waitForURL(/\/close$/);
    await clickAndWait(page, 'form[action$="/close"] button[type=submit]');
    assert.equal((await apiGet(`/v1/consultations/${id}`)).state, 'closed');
    await context.close();
  });

  test('a stakeholder gets the 403 page, an anonymous reader the sign-in page', async () => {
    const { token } = await adminOk('POST', '/v1/admin/tokens',
      { role: 'stakeholder', party: parties[2].id, label: `manage test ${suffix}` }, 201);
    const { context, page } = await signedInPage(browser, token, { lang: 'en' });
    const res = await visit(page, '/manage');
    assert.equal(res.status(), 403);
    await axeAndScreenshots(page, 'manage-forbidden');
    assert.equal((await visit(page, '/manage/consultations/new')).status(), 403);
    await context.close();
    const anonymous = await newContext(browser, { lang: 'en' });
    const anon = await newPage(anonymous);
    await visit(anon, '/manage');
    assert.equal(new URL(anon.url()).pathname, '/sign-in');
    assert.equal(new URL(anon.url()).searchParams.get('next'), '/manage');
    await anonymous.close();
  });
});
