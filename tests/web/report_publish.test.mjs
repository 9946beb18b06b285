// The secretariat publishes the consultation report (issue 15) in a browser:
// on a consultation of its own (opened on the demo's agreement, one response,
// closed), signed in with the admin token. The report page for the
// secretariat, the Danish download as it would be published, the publish
// form's refusal while a consultation is still open (axe on the error state),
// a publication with JavaScript on and one with it off, and the public report
// page showing the latest publication whose download matches its SHA-256.
// Rules without a browser: tests/server/web/report_publish_pages_test.cpp.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { adminOk } from './lib/admin_api.mjs';
import {
  axeAndScreenshots, clickAndWait, launchBrowser, newContext, newPage, pageProblems, signedInPage,
  visit,
} from './lib/browser.mjs';
import { rfc3339 } from './lib/demo_facts.mjs';
import { adminToken, apiGet, urlOf } from './lib/server.mjs';

const enc = encodeURIComponent;

// A consultation on the demo's consulted version, open since an hour ago,
// with one public response of its first invited party; closed when `close`.
async function ownConsultation(close) {
  const demo = (await apiGet('/v1/consultations')).items.find((c) => c.state === 'closed');
  assert.ok(demo, 'no closed consultation: is the demo loaded?');
  const id = `web-report-${randomBytes(6).toString('hex')}`;
  const party = demo.invited[0];
  const now = Date.now();
  await adminOk('POST', '/v1/consultations', {
    id, agreement: demo.agreement, version: demo.version.number, title: `Rapporthøring ${id}`,
    opens_at: rfc3339(now - 3600 * 1000), closes_at: rfc3339(now + 30 * 86400 * 1000),
    invited: [party], time_zone: 'Europe/Copenhagen',
  }, 201);
  await adminOk('POST', `/v1/consultations/${enc(id)}/responses`, {
    party, author: { name: 'Sekretær', email: 'sekretaer@example.org' },
    summary: `Offentligt svar til ${id}`, points: [{ text: 'En bemærkning til rapporten.' }],
    publication: 'public',
  }, 201);
  if (close) await adminOk('POST', `/v1/consultations/${enc(id)}/close`, { reason: 'Fristen er nået' });
  return id;
}

async function publish(page, language, format) {
  await page.check(`#language-${language}`);
  await page.check(`#format-${format}`);
  await clickAndWait(page, 'form[action$="/report/publish"] button[type=submit]');
}

describe('publishing the consultation report', () => {
  let browser;
  let closed;
  let open;
  before(async () => {
    browser = await launchBrowser();
    closed = await ownConsultation(true);
    open = await ownConsultation(false);
  });
  after(async () => { await browser?.close(); });

  test('the secretariat previews, downloads in Danish, and publishes with JavaScript on', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'da', javaScriptEnabled: true });
    await visit(page, `/manage/consultations/${enc(open)}/report`);
    await publish(page, 'da', 'html');
    assert.match(await page.locator('#publish-error').innerText(), /ikke afsluttet|ikke lukket|efter fristen/);
    assert.equal(await page.locator('.error-summary a[href="#language-da"]').count(), 1);
    await axeAndScreenshots(page, 'report-publish-refused');

    await visit(page, `/manage/consultations/${enc(closed)}/report`);
    await axeAndScreenshots(page, 'report-publish');
    const danish = await page.locator('.download-list a', { hasText: 'HTML på dansk' }).getAttribute('href');
    const download = await fetch(urlOf(danish));
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-language'), 'da');
    assert.match(await download.text(), new RegExp(`Offentligt svar til ${closed}`));

    await publish(page, 'da', 'html');
    assert.match(new URL(page.url()).hash, /^#publication-1$/);
    assert.equal(await page.locator('tr#publication-1').count(), 1);
    await axeAndScreenshots(page, 'report-published');
    assert.deepEqual(pageProblems(page).filter((p) => !/status of 409/.test(p)), []);
    await context.close();
  });

  test('a second publication with JavaScript off; the public reads the latest', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'en', javaScriptEnabled: false });
    await visit(page, `/manage/consultations/${enc(closed)}/report`);
    await publish(page, 'en', 'md');
    assert.equal(await page.locator('tr#publication-2').count(), 1);
    await context.close();

    const listed = (await apiGet(`/v1/consultations/${enc(closed)}/report/published`)).items;
    assert.equal(listed.length, 2);
    const publicContext = await newContext(browser, { lang: 'en', javaScriptEnabled: true });
    const reader = await newPage(publicContext);
    await visit(reader, `/consultations/${enc(closed)}/report`);
    const shown = (await reader.locator('.published-report code.hash').innerText()).trim();
    assert.equal(shown, listed[1].sha256);
    assert.equal(await reader.locator('.report-response').count(), 0, 'the public sees the live report');
    const href = await reader.locator('a.published-download').getAttribute('href');
    const bytes = Buffer.from(await (await fetch(urlOf(href))).arrayBuffer());
    assert.equal(createHash('sha256').update(bytes).digest('hex'), shown);
    await axeAndScreenshots(reader, 'report-public-published');
    assert.deepEqual(pageProblems(reader), []);
    await publicContext.close();
  });
});
