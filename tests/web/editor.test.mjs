// The secretariat's text editor (issue 15) in a browser, on an agreement of
// its own made through the API: edit a section citing a response point
// (JavaScript on, and a save with JavaScript off), a refused save, add, move
// and remove a section, publish v2, the diff's why column for the admin and
// not for anonymous readers, a stale edit shown as a conflict with both
// texts and then saved, and a stakeholder's 403. axe on every page and
// error state; screenshots of each.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  axeAndScreenshots, checkAxe, clickAndWait, launchBrowser, newContext, newPage, pageProblems,
  screenshots, signedInPage, visit,
} from './lib/browser.mjs';
import { adminToken, urlOf } from './lib/server.mjs';

const tag = randomBytes(4).toString('hex');
const agreement = `editor-web-${tag}`;
const party = `editor-party-${tag}`;
const consultation = `editor-h-${tag}`;
const editHref = `/manage/agreements/${agreement}/edit`;

// A /v1 call with the admin token (or `token`); returns the parsed body.
async function api(method, path, body, { token = adminToken, type = 'application/json', expect } = {}) {
  const res = await fetch(urlOf(path), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const text = await res.text();
  if (expect !== undefined) assert.equal(res.status, expect, `${method} ${path}: ${text}`);
  else assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : {};
}

async function section(id) {
  const text = await api('GET', `/v1/agreements/${agreement}`);
  const walk = (list) => list.flatMap((s) => [s, ...walk(s.children)]);
  return walk(text.sections).find((s) => s.id === id);
}

let responseId;
let stakeholderToken;

before(async () => {
  await api('POST', '/v1/parties', { id: party, name: `Editor Kommune ${tag}`, kind: 'municipality' });
  await api('POST', '/v1/agreements', { id: agreement, title: `Redigeringsaftale ${tag}` });
  await api('POST', `/v1/agreements/${agreement}/import?rationale=first`, [
    '# Indledning {#ed-a kind=text}', '', 'Aftalen beskriver samarbejdet.', '',
    '# Borgeren {#ed-b kind=chapter}', '', 'Borgeren er i centrum.', '',
    '# Opfølgning {#ed-c kind=text}', '', 'Parterne følger op hvert år.', '',
    '# Bilag {#ed-d kind=text}', '', 'Bilag følger.', ''].join('\n'), { type: 'text/markdown' });
  await api('POST', `/v1/agreements/${agreement}/versions`, { label: 'udkast' });
  const now = Date.now();
  await api('POST', '/v1/consultations', {
    id: consultation, agreement, version: 1, title: `Høring ${tag}`,
    opens_at: new Date(now - 86400000).toISOString().replace(/\.\d+Z$/, 'Z'),
    closes_at: new Date(now + 10 * 86400000).toISOString().replace(/\.\d+Z$/, 'Z'),
    invited: [party], time_zone: 'Europe/Copenhagen',
  });
  const receipt = await api('POST', `/v1/consultations/${consultation}/responses`, {
    party, author: { name: 'Anne Editor' }, publication: 'public',
    points: [{ section: 'ed-b', text: 'Skriv tydeligere om borgerens egen rolle.' }],
  });
  responseId = receipt.response;
  stakeholderToken = (await api('POST', '/v1/admin/tokens',
    { role: 'stakeholder', party, label: `editor ${tag}` })).token;
});

describe('text editor', () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('edit, refuse, add, move, remove, publish and see why in the diff (JavaScript on)', async () => {
    const { context, page } = await signedInPage(browser, adminToken, { lang: 'en' });
    await visit(page, editHref);
    assert.equal(await page.locator('.editor-sections li').count(), 4);
    await axeAndScreenshots(page, 'editor-overview');

    // Edit ed-b, citing the response point found by a word.
    await clickAndWait(page, `a[href="${editHref}?section=ed-b#section-form"]`);
    await page.fill('#q', 'BORGERENS');
    await clickAndWait(page, '#section-form button[value=search]');
    const cite = page.locator(`input[name=cite][value="${responseId}:1"]`);
    assert.equal(await cite.count(), 1);
    await cite.check();
    await page.fill('#body', 'Borgeren er i centrum, også med sin egen rolle.');
    // Without a rationale: refused at the field, the input kept.
    await clickAndWait(page, '#section-form button[value=save]');
    assert.equal(await page.locator('.error-summary a[href="#rationale"]').count(), 1);
    assert.equal(await page.inputValue('#body'), 'Borgeren er i centrum, også med sin egen rolle.');
    assert.ok(await cite.isChecked());
    await axeAndScreenshots(page, 'editor-error');
    await page.fill('#rationale', `Borgerens rolle tydeliggjort ${tag}`);
    await clickAndWait(page, '#section-form button[value=save]');
    assert.match(await page.locator('.alert-success').innerText(), /change set c-2/);
    assert.equal((await section('ed-b')).body, 'Borgeren er i centrum, også med sin egen rolle.');
    await axeAndScreenshots(page, 'editor-section');

    // Add a section, move it up, remove ed-d.
    await visit(page, `${editHref}?section=new`);
    await page.fill('#heading', 'Økonomi');
    await page.fill('#body', 'Parterne afholder egne udgifter.');
    await page.fill('#rationale', 'Ny sektion om økonomi');
    await checkAxe(page, 'editor-add');
    await clickAndWait(page, '#section-form button[value=add]');
    const added = new URL(page.url()).searchParams.get('section');
    assert.ok(added, page.url());
    await page.fill('#rationale', 'Økonomi før bilag');
    await clickAndWait(page, '#section-form button[value=up]');
    let text = await api('GET', `/v1/agreements/${agreement}`);
    assert.deepEqual(text.sections.map((s) => s.id), ['ed-a', 'ed-b', 'ed-c', added, 'ed-d']);
    await visit(page, `${editHref}?section=ed-d`);
    await page.fill('#rationale', 'Bilag udgår');
    await clickAndWait(page, '#section-form button[value=remove]');
    text = await api('GET', `/v1/agreements/${agreement}`);
    assert.deepEqual(text.sections.map((s) => s.id), ['ed-a', 'ed-b', 'ed-c', added]);

    // Publish v2 (a used label first: refused at the field).
    await page.fill('#label', 'udkast');
    await clickAndWait(page, 'form.editor-publish button');
    assert.equal(await page.locator('.error-summary a[href="#label"]').count(), 1);
    await checkAxe(page, 'editor-publish-error');
    await page.fill('#label', 'endelig');
    await clickAndWait(page, 'form.editor-publish button');
    assert.match(await page.locator('.alert-success').innerText(), /2 – endelig/);

    // The diff v1..v2 with the why column.
    await visit(page, `/agreements/${agreement}/diff?from=1&to=2`);
    const why = page.locator('#diff-ed-b ~ .diff-why');
    assert.match(await why.innerText(), new RegExp(`Borgerens rolle tydeliggjort ${tag}`));
    assert.equal(await why.locator(`a[href="/consultations/${consultation}/responses/${responseId}"]`).count(), 1);
    await axeAndScreenshots(page, 'editor-diff-why');
    // The refused forms answer 412/422, which Chromium logs; nothing else may fail.
    assert.deepEqual(pageProblems(page).filter((p) => !/status of 4(12|22) /.test(p)), []);
    await context.close();

    const anonymous = await newContext(browser, { lang: 'da' });
    const reader = await newPage(anonymous);
    await visit(reader, `/agreements/${agreement}/diff?from=1&to=2`);
    assert.equal(await reader.locator('.diff-why').count(), 0);
    assert.equal(await reader.locator('#diff-ed-b').count(), 1);
    await anonymous.close();
  });

  test('a stale edit is a conflict with both texts, and saving again applies', async () => {
    const { context, page } = await signedInPage(browser, adminToken, { lang: 'da' });
    await visit(page, `${editHref}?section=ed-a`);
    await page.fill('#body', 'Min udgave af indledningen.');
    await page.fill('#rationale', 'Min ændring');
    // Someone else changes the same section through the API meanwhile.
    await api('POST', `/v1/agreements/${agreement}/changes`, {
      rationale: 'Deres ændring', ops: [{ op: 'edit', id: 'ed-a', body: 'Deres udgave af indledningen.' }],
    });
    const refused = await clickAndWait(page, '#section-form button[value=save]');
    assert.equal(refused.status(), 412);
    assert.equal(await page.locator('#conflict').count(), 1);
    assert.equal(await page.inputValue('#body'), 'Min udgave af indledningen.');
    assert.equal(await page.inputValue('#rationale'), 'Min ændring');
    assert.match(await page.locator('.editor-current-body').innerText(), /Deres udgave af indledningen/);
    await axeAndScreenshots(page, 'editor-conflict');
    await clickAndWait(page, '#section-form button[value=save]');
    assert.equal(await page.locator('.alert-success').count(), 1);
    assert.equal((await section('ed-a')).body, 'Min udgave af indledningen.');
    await context.close();
  });

  test('a save with JavaScript off, and a stakeholder gets 403', async () => {
    const { context, page } = await signedInPage(browser, adminToken,
      { lang: 'da', javaScriptEnabled: false });
    await visit(page, `${editHref}?section=ed-c`);
    await page.fill('#body', 'Parterne følger op hvert halve år.');
    await page.fill('#rationale', 'Hyppigere opfølgning');
    await clickAndWait(page, '#section-form button[value=save]');
    assert.equal(await page.locator('.alert-success').count(), 1);
    assert.equal((await section('ed-c')).body, 'Parterne følger op hvert halve år.');
    await screenshots(page, 'editor-nojs');
    await context.close();

    const { context: stakeholder, page: other } = await signedInPage(browser, stakeholderToken,
      { lang: 'da' });
    const res = await visit(other, editHref);
    assert.equal(res.status(), 403);
    assert.equal(await other.locator('#body').count(), 0);
    await axeAndScreenshots(other, 'editor-forbidden');
    await stakeholder.close();
  });
});
