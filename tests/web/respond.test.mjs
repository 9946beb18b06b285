// The stakeholder's way through the response form (issue 14) in a browser, with
// JavaScript on (in English) and off (in Danish), each on a consultation of its
// own opened for the test on the demo's agreement: the invitation link signs in
// without the code ever showing; the form's error state (summary, field,
// input kept, nothing written); a draft with two points and a PDF, preview,
// submit; checkbox and radio boxes drawn beside their labels; the receipt page, its JSON download checked by upload on
// /receipts/verify; the form by keyboard alone; amend on /my/responses; a
// stale amendment (412) and the input kept; withdraw; and (JavaScript on) a
// POST without the CSRF field, another party's session, a revoked invitation.
// axe-core on the form, its error state, the preview, the receipt and
// /my/responses; screenshots respond-*. The same rules without a browser:
// tests/server/web/respond_pages_test.cpp.
// Over 400 lines: it is one ordered journey (invitation, draft, submit, amend,
// withdraw) whose steps build on each other's state, run once per JavaScript
// setting; split files would each repeat the journey up to their step.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  checkAxe, launchBrowser, newContext, newPage, pageProblems, screenshots, visit,
} from './lib/browser.mjs';
import { admin, adminOk } from './lib/admin_api.mjs';
import { demoFacts, rfc3339 } from './lib/demo_facts.mjs';
import { apiGet, artifactsDir, repoRoot, urlOf } from './lib/server.mjs';

const enc = encodeURIComponent;
const kSave = 'button[name=action][value=save]';
const kPreview = 'button[name=action][value=preview]';
const kSubmit = 'button[name=action][value=submit]';

// The page texts, from the catalogue the server embeds.
const catalogue = Object.fromEntries(['da', 'en'].map((lang) => [
  lang, JSON.parse(readFileSync(join(repoRoot, `server/web/messages/${lang}.json`), 'utf8'))]));

function message(lang, key) {
  const text = key.split('.').reduce((node, k) => node?.[k], catalogue[lang]);
  assert.equal(typeof text, 'string', `no message ${key} in ${lang}.json`);
  return text;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// As the templates escape {{x}}.
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

// A consultation open from an hour ago for 30 days, inviting `invited`.
async function openConsultation(facts, invited, label) {
  const id = `web-open-${randomBytes(6).toString('hex')}`;
  const now = Date.now();
  await adminOk('POST', '/v1/consultations', {
    id, agreement: facts.agreement, version: facts.version,
    title: `Webhøring (${label}) ${id}`,
    opens_at: rfc3339(now - 3600 * 1000), closes_at: rfc3339(now + 30 * 86400 * 1000),
    invited, time_zone: 'Europe/Copenhagen',
  }, 201);
  const c = await apiGet(`/v1/consultations/${enc(id)}`);
  assert.equal(c.state, 'open', `${id} is not open`);
  return id;
}

// Every invitation code issued here: no page may show one.
const codes = [];

// An invitation for `party`; its link's path and query on HOERING_URL (the
// link names --public-url, which a port-0 server may not match).
async function invite(consultation, party) {
  const inv = await adminOk('POST', `/v1/consultations/${enc(consultation)}/invitations`, { party }, 201);
  assert.match(inv.code, /^inv_[A-Za-z0-9_-]{43}$/);
  codes.push(inv.code);
  const link = new URL(inv.link);
  assert.equal(link.pathname, '/sign-in');
  assert.equal(link.searchParams.get('token'), inv.code);
  return { id: inv.id, code: inv.code, path: link.pathname + link.search };
}

async function responsesOf(consultation) {
  return (await adminOk('GET', `/v1/consultations/${enc(consultation)}/responses`)).items;
}

async function responseOf(consultation, rid) {
  return adminOk('GET', `/v1/consultations/${enc(consultation)}/responses/${enc(rid)}`);
}

// Clicks (or presses) and waits for the page it leads to: its main response.
async function navigate(page, action) {
  const [response] = await Promise.all([page.waitForNavigation(), action()]);
  assert.ok(response, 'no response for the navigation');
  return response;
}

// The status of the request that led to `response` by redirect, or null.
async function redirectStatus(response) {
  const from = response.request().redirectedFrom();
  return from ? (await from.response())?.status() ?? null : null;
}

// Every HTML document the browser receives in a context (and every
// redirect's Location), checked for invitation codes by finish().
const documents = new WeakMap();

function watchDocuments(context) {
  const seen = [];
  documents.set(context, seen);
  context.on('response', (response) => {
    if (response.request().resourceType() !== 'document') return;
    const headers = response.headers();
    const url = response.url();
    const location = headers.location ?? '';
    // A download's body is not the page's; a redirect has none.
    if (/^attachment/i.test(headers['content-disposition'] ?? '') || location) {
      seen.push(Promise.resolve({ url, body: '', location }));
      return;
    }
    const timeout = new Promise((resolve) => {
      setTimeout(() => resolve({ url, body: null, location }), 10000).unref();
    });
    seen.push(Promise.race([response.text().then((body) => ({ url, body, location }),
                                                  () => ({ url, body: '', location })), timeout]));
  });
}

async function checkDocuments(context) {
  const seen = documents.get(context) ?? [];
  for (const { url, body, location } of await Promise.all(seen.splice(0))) {
    assert.notEqual(body, null, `the body of ${url} could not be read`);
    for (const code of codes) {
      assert.ok(!body.includes(code), `the page ${url} shows an invitation code`);
      assert.ok(!location.includes(code), `${url} redirects to a URL with an invitation code`);
    }
  }
}

// Chromium logs a page answered with 4xx as "Failed to load resource"; the
// ones a test provokes are listed as [status, path].
const kFailedLoad = /^console: Failed to load resource: the server responded with a status of (\d{3}) \(.*\) \((\S+)\)$/;

function unexpectedProblems(page, expected) {
  return pageProblems(page).filter((p) => {
    const m = kFailedLoad.exec(p);
    if (!m) return true;
    const path = new URL(m[2]).pathname;
    return !expected.some(([status, want]) => Number(m[1]) === status && path === want);
  });
}

// The end of a page's part in a test: no code in what it shows or showed,
// no console error but the expected statuses.
async function finish(page, expected = []) {
  const html = await page.content();
  for (const code of codes) assert.ok(!html.includes(code), `${page.url()} shows an invitation code`);
  await checkDocuments(page.context());
  assert.deepEqual(unexpectedProblems(page, expected), [], `${page.url()}: console errors`);
  await page.close();
}

// The receipt page's facts: label -> value.
async function receiptFacts(page) {
  const labels = await page.locator('dl.receipt-facts > dt').allInnerTexts();
  const values = await page.locator('dl.receipt-facts > dd').allInnerTexts();
  assert.equal(labels.length, values.length, 'the receipt facts do not pair up');
  return Object.fromEntries(labels.map((l, i) => [l.trim(), values[i].trim()]));
}

// dkfds hides a checkbox or radio (opacity 0) and draws its box with the
// label's ::before, both at the top left of their containing block (a
// .form-group-checkbox or .form-group-radio): each must sit beside its label.
async function assertBoxesBesideLabels(page, what) {
  const astray = [];
  for (const input of await page.locator('input.form-checkbox, input.form-radio').all()) {
    const id = await input.getAttribute('id');
    const box = await input.boundingBox();
    const label = await page.locator(`label[for="${id}"]`).boundingBox();
    assert.ok(box && label, `${what}: #${id} or its label is not rendered`);
    if (box.y >= label.y + label.height || label.y >= box.y + box.height) {
      astray.push(`#${id} at y=${Math.round(box.y)}, its label at y=${Math.round(label.y)} to ` +
                  `${Math.round(label.y + label.height)}`);
    }
  }
  assert.deepEqual(astray, [], `${what}: boxes drawn away from their labels`);
}

// A small PDF (the API checks the signature of a PDF).
function writePdf(name) {
  const path = join(artifactsDir, name);
  writeFileSync(path, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  return path;
}

describe('the response form', () => {
  let browser;
  let facts;
  before(async () => {
    browser = await launchBrowser();
    facts = await demoFacts({ sections: 2, parties: 4 });
  });
  after(async () => { await browser?.close(); });

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'js' : 'nojs';
    const lang = javaScriptEnabled ? 'en' : 'da';
    const t = (key) => message(lang, key);
    describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'} (${lang})`, () => {
      let context;
      // Filled in by the steps, in order.
      const s = {};
      before(async () => {
        const [partyA, partyB] = javaScriptEnabled ? facts.parties.slice(0, 2) : facts.parties.slice(2, 4);
        s.party = partyA;
        s.other = partyB;
        s.id = await openConsultation(facts, [partyA.id, partyB.id], mode);
        s.invitation = await invite(s.id, partyA.id);
        s.path = `/consultations/${s.id}`;
        s.respond = `${s.path}/respond`;
        [s.section1, s.section2] = facts.sections;
        s.author = lang === 'da' ? 'Søren Ærø Østergaard' : 'Jane Q. Respondent';
        s.email = 'horing@example.dk';
        s.summary = `${mode}: we support the text with two remarks.`;
        s.point1 = `${mode}: the passage should name who is responsible.`;
        s.point2 = `${mode}: the section needs a deadline.`;
        s.pdfName = `bilag-${mode}.pdf`;
        s.pdf = writePdf(s.pdfName);
        context = await newContext(browser, { lang, javaScriptEnabled });
        watchDocuments(context);
      });
      after(async () => { await context?.close(); });

      test('the invitation link signs the party in and leads to the consultation, never showing the code', async () => {
        const page = await newPage(context);
        const response = await visit(page, s.invitation.path);
        assert.equal(response.status(), 200);
        assert.equal(await redirectStatus(response), 303, 'the link did not answer 303');
        const url = new URL(page.url());
        assert.equal(url.pathname, s.path);
        assert.equal(url.search, '', 'the consultation URL has a query');
        assert.match(await page.locator('.signed-in').innerText(), new RegExp(escapeRe(s.party.name)));
        const session = (await context.cookies()).find((c) => c.name === 'hoering_session');
        assert.ok(session?.httpOnly, 'no HttpOnly session cookie');
        assert.equal(await page.locator(`a[href="${s.respond}"]`).count(), 1, 'no button to respond');
        await screenshots(page, `respond-${mode}-consultation`);
        await finish(page);
      });

      test('the error state: each problem in the summary and at its field, the input kept, nothing written', async () => {
        const page = await newPage(context);
        await visit(page, s.path);
        await navigate(page, () => page.click(`a[href="${s.respond}"]`));
        assert.equal(new URL(page.url()).pathname, s.respond);
        for (const id of ['author_name', 'author_email', 'publication-public', 'publication-anonymous',
                          'publication-private', 'summary', 'point-0-section', 'point-0-quote',
                          'point-0-text', 'files']) {
          assert.equal(await page.locator(`#${id}`).count(), 1, `the form has no #${id}`);
        }
        assert.equal(await page.locator('#point-0-remove').count(), 0, 'the empty point can be removed');
        assert.equal(await page.locator('#point-1-text').count(), 0, 'a new form has more than one point');
        assert.equal(await page.locator('#files').getAttribute('multiple'), '');
        for (const b of [kSave, kPreview, kSubmit]) assert.equal(await page.locator(b).count(), 1, b);
        if (javaScriptEnabled) await checkAxe(page, `respond-form-${mode}`);
        await screenshots(page, `respond-form-${mode}`);

        // No name, no choice of publication.
        await page.fill('#author_email', s.email);
        await page.fill('#summary', s.summary);
        await page.fill('#point-0-text', s.point1);
        let response = await navigate(page, () => page.click(kSubmit));
        assert.equal(response.status(), 400);
        assert.equal(await page.locator('.error-summary').count(), 1, 'no error summary');
        assert.equal(await page.locator('.error-summary a[href="#author_name"]').count(), 1);
        assert.equal(await page.locator('.error-summary a[href="#publication-public"]').count(), 1);
        assert.equal((await page.locator('#author_name-error').innerText()).trim(), t('field_errors.required'));
        assert.match(await page.locator('#author_name').getAttribute('aria-describedby'), /\bauthor_name-error\b/);
        assert.ok(await page.locator('#publication-error').isVisible(), 'no error at the publication choice');
        assert.equal(await page.inputValue('#author_name'), '');
        assert.equal(await page.inputValue('#author_email'), s.email);
        assert.equal(await page.inputValue('#summary'), s.summary);
        assert.equal(await page.inputValue('#point-0-text'), s.point1);
        assert.deepEqual(await responsesOf(s.id), [], 'a refused response was written');
        if (javaScriptEnabled) await checkAxe(page, `respond-error-${mode}`);
        await screenshots(page, `respond-error-${mode}`);

        // A quote that is not in the chosen section.
        await page.fill('#author_name', s.author);
        await page.check('#publication-public');
        await page.selectOption('#point-0-section', s.section1.id);
        await page.fill('#point-0-quote', 'Denne passage står ikke i teksten');
        response = await navigate(page, () => page.click(kSubmit));
        assert.equal(response.status(), 422);
        assert.equal(await page.locator('.error-summary a[href="#point-0-quote"]').count(), 1);
        assert.equal((await page.locator('#point-0-quote-error').innerText()).trim(),
                     t('field_errors.quote-not-found'));
        assert.equal(await page.inputValue('#point-0-quote'), 'Denne passage står ikke i teksten');
        assert.equal(await page.inputValue('#point-0-section'), s.section1.id);
        assert.equal(await page.inputValue('#author_name'), s.author);
        assert.ok(await page.isChecked('#publication-public'), 'the publication choice was lost');
        assert.deepEqual(await responsesOf(s.id), [], 'a refused response was written');
        if (javaScriptEnabled) await checkAxe(page, `respond-quote-error-${mode}`);
        await screenshots(page, `respond-quote-error-${mode}`);
        await finish(page, [[400, s.respond], [422, s.respond]]);
      });

      test('two points and a PDF are kept as a draft, previewed and submitted', async () => {
        const page = await newPage(context);
        await visit(page, s.respond);
        // The refused input is the draft.
        assert.equal(await page.inputValue('#author_name'), s.author);
        await page.fill('#author_email', s.email);
        await page.check('#publication-public');
        await page.fill('#summary', s.summary);
        await page.selectOption('#point-0-section', s.section1.id);
        await page.fill('#point-0-quote', s.section1.quote);
        await page.fill('#point-0-text', s.point1);
        let response = await navigate(page, () => page.click(kSave));
        assert.equal(response.status(), 200);
        assert.equal(await redirectStatus(response), 303, 'Save draft did not answer 303');
        assert.equal(new URL(page.url()).pathname, s.respond);
        assert.match(await page.locator('.alert-info').first().innerText(), new RegExp(escapeRe(t('respond.draft_saved'))));
        assert.equal(await page.inputValue('#point-0-quote'), s.section1.quote);
        assert.equal(await page.inputValue('#point-0-section'), s.section1.id);
        assert.equal(await page.locator('#point-0-remove').count(), 1);
        assert.equal(await page.inputValue('#point-1-text'), '', 'no new empty point after saving');
        assert.equal(await page.locator('#point-1-remove').count(), 0);

        await page.selectOption('#point-1-section', s.section2.id);
        await page.fill('#point-1-text', s.point2);
        await page.setInputFiles('#files', s.pdf);
        response = await navigate(page, () => page.click(kSave));
        assert.equal(response.status(), 200);
        assert.match(await page.locator('label[for="file-0-remove"]').innerText(), new RegExp(escapeRe(s.pdfName)),
                     'the uploaded file is not kept with the draft');
        assert.equal(await page.inputValue('#point-1-text'), s.point2);
        assert.equal(await page.inputValue('#point-1-section'), s.section2.id);
        assert.equal(await page.inputValue('#point-2-text'), '');
        await screenshots(page, `respond-draft-${mode}`);

        response = await navigate(page, () => page.click(kPreview));
        assert.equal(response.status(), 200);
        const heading = await page.locator('h1').innerText();
        assert.match(heading, new RegExp(escapeRe(javaScriptEnabled ? 'Check your response' : 'Kontrollér dit høringssvar')));
        const shown = await page.locator('main').innerText();
        for (const text of [s.author, s.summary, s.point1, s.point2, s.section1.quote, s.pdfName,
                            t('respond.publication_public')]) {
          assert.ok(shown.includes(text), `the preview does not show "${text}"`);
        }
        assert.deepEqual(await responsesOf(s.id), [], 'the preview submitted the response');
        if (javaScriptEnabled) await checkAxe(page, `respond-preview-${mode}`);
        await screenshots(page, `respond-preview-${mode}`);

        response = await navigate(page, () => page.click(`form ${kSubmit}`));
        assert.equal(response.status(), 200);
        assert.equal(await redirectStatus(response), 303, 'submit did not answer 303');
        const m = new RegExp(`^${escapeRe(s.path)}/responses/(r-[0-9a-f]{16})/receipt$`).exec(new URL(page.url()).pathname);
        assert.ok(m, `submit led to ${page.url()}, not a receipt`);
        s.rid = m[1];
        const r = await responseOf(s.id, s.rid);
        assert.equal(r.party, s.party.id);
        assert.equal(r.revision, 1);
        assert.equal(r.author.name, s.author);
        assert.equal(r.author.email, s.email);
        assert.equal(r.publication, 'public');
        assert.equal(r.summary, s.summary);
        assert.equal(r.points.length, 2);
        assert.deepEqual([r.points[0].section, r.points[0].quote, r.points[0].text],
                         [s.section1.id, s.section1.quote, s.point1]);
        assert.deepEqual([r.points[1].section, r.points[1].text], [s.section2.id, s.point2]);
        assert.deepEqual(r.attachments.map((a) => [a.filename, a.media_type, a.size]),
                         [[s.pdfName, 'application/pdf', readFileSync(s.pdf).length]]);
        await finish(page);
      });

      test('the boxes of the form\'s checkboxes and radios are drawn beside their labels', async () => {
        assert.ok(s.rid, 'no response from the step before');
        // The amendment form (opening it saves nothing): two points and a file
        // that may be removed, and the publication choice.
        const page = await newPage(context);
        await visit(page, `${s.respond}?response=${s.rid}`);
        assert.equal(await page.locator('#point-1-remove').count(), 1);
        assert.equal(await page.locator('#file-0-remove').count(), 1);
        await assertBoxesBesideLabels(page, `${s.respond}?response=`);
        await finish(page);
      });

      test('the receipt shows position and hash, downloads as JSON, and the file checks out on /receipts/verify', async () => {
        assert.ok(s.rid, 'no response from the step before');
        const page = await newPage(context);
        const receiptPath = `${s.path}/responses/${s.rid}/receipt`;
        await visit(page, receiptPath);
        assert.ok((await page.locator('main').innerText()).includes(t('receipt_page.recorded')));
        const hash = (await page.locator('code.hash').innerText()).trim();
        assert.match(hash, /^[0-9a-f]{64}$/);
        const shown = await receiptFacts(page);
        assert.equal(shown[t('response.revision')], '1');
        assert.equal(shown[t('response.hash')], hash);
        const position = Number(shown[t('response.position')]);
        assert.ok(Number.isInteger(position) && position > 0, `position ${shown[t('response.position')]}`);
        const api = await responseOf(s.id, s.rid);
        assert.deepEqual({ position: api.receipt.position, hash: api.receipt.hash }, { position, hash },
                         'the receipt page and the API disagree');
        if (javaScriptEnabled) await checkAxe(page, `respond-receipt-${mode}`);
        await screenshots(page, `respond-receipt-${mode}`);

        const link = page.locator('a[href$="/receipt?format=json"]');
        assert.equal(await link.count(), 1);
        assert.notEqual(await link.getAttribute('download'), null, 'the JSON link has no download attribute');
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.match(download.suggestedFilename(), new RegExp(`^receipt-${s.rid}-\\d+\\.json$`));
        const file = join(artifactsDir, `respond-receipt-${mode}.json`);
        await download.saveAs(file);
        const receipt = JSON.parse(readFileSync(file, 'utf8'));
        assert.equal(receipt.position, position);
        assert.equal(receipt.hash, hash);
        assert.equal(receipt.response, s.rid);
        assert.equal(receipt.revision, 1);
        s.receipt = receipt;

        await visit(page, '/receipts/verify');
        await page.setInputFiles('#receipt_file', file);
        const response = await navigate(page, () => page.click('form[action="/receipts/verify"] button[type=submit]'));
        assert.equal(response.status(), 200);
        assert.match(await page.locator('.receipt-result').innerText(),
                     javaScriptEnabled ? /The receipt is valid/ : /Kvitteringen er gyldig/);
        assert.ok((await page.locator('.receipt-result').innerText()).includes(hash));
        await screenshots(page, `respond-receipt-verified-${mode}`);
        await finish(page);
      });

      if (javaScriptEnabled) {
        test('the form works by keyboard alone, with the focus visible on every control', async () => {
          const page = await newPage(context);
          await visit(page, s.respond);
          // From the top of the page: Tab to the first field.
          for (let i = 0; i < 40; i++) {
            await page.keyboard.press('Tab');
            if (await page.evaluate(() => document.activeElement?.id === 'author_name')) break;
          }
          assert.equal(await page.evaluate(() => document.activeElement?.id), 'author_name');
          await page.keyboard.type('Tastatur Bruger');
          // Where the focus is, and whether it shows (dkfds draws a radio's or
          // checkbox's focus on its label's ::before).
          const focused = () => page.evaluate(() => {
            const el = document.activeElement;
            const shows = (style) => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
                                     style.boxShadow !== 'none';
            const box = /^(radio|checkbox)$/.test(el.type) && el.nextElementSibling?.tagName === 'LABEL'
              ? getComputedStyle(el.nextElementSibling, '::before') : getComputedStyle(el);
            const key = el.id || (el.name === 'action' ? `action=${el.value}` : `${el.tagName}.${el.className}`);
            return { key, visible: el.matches(':focus-visible') && shows(box) };
          });
          const order = [];
          for (let i = 0; i < 40; i++) {
            const { key, visible } = await focused();
            order.push(key);
            assert.ok(visible, `the focus on ${key} is not visible`);
            if (key === 'publication-public') await page.keyboard.press('Space');
            if (key === 'action=submit') break;
            await page.keyboard.press('Tab');
          }
          const expected = ['author_name', 'author_email', 'publication-public', 'summary', 'point-0-section',
                            'point-0-quote', 'point-0-text', 'files', 'action=save', 'action=preview', 'action=submit'];
          let at = 0;
          for (const key of order) if (key === expected[at]) at++;
          assert.equal(at, expected.length, `Tab order ${order.join(' > ')} lacks ${expected[at]} in order`);
          // Back to Save draft, and Enter saves the typed name and the choice.
          await page.keyboard.press('Shift+Tab');
          await page.keyboard.press('Shift+Tab');
          assert.equal((await focused()).key, 'action=save');
          const response = await navigate(page, () => page.keyboard.press('Enter'));
          assert.equal(response.status(), 200);
          assert.equal(await page.inputValue('#author_name'), 'Tastatur Bruger');
          assert.ok(await page.isChecked('#publication-public'), 'Space did not choose the publication');
          await screenshots(page, `respond-keyboard-${mode}`);
          await finish(page);
          });
      }

      test('/my/responses lists the response, and amending it gives revision 2', async () => {
        assert.ok(s.rid, 'no response from the steps before');
        const page = await newPage(context);
        await visit(page, '/my/responses');
        const mine = page.locator('section.my-consultation').filter({ has: page.locator(`h2 a[href="${s.path}"]`) });
        assert.equal(await mine.count(), 1, 'the consultation is not on /my/responses');
        const text = await mine.innerText();
        const { receipt } = await responseOf(s.id, s.rid);
        for (const want of [s.summary, s.point1, s.point2, receipt.hash]) {
          assert.ok(text.includes(want), `/my/responses does not show "${want}"`);
        }
        if (javaScriptEnabled) await checkAxe(page, `respond-my-${mode}`);
        await screenshots(page, `respond-my-${mode}`);

        s.amend = `${s.respond}?response=${s.rid}`;
        const amendLink = mine.locator(`a[href*="/respond?response="]`);
        assert.equal(await amendLink.getAttribute('href'), s.amend);
        await navigate(page, () => amendLink.click());
        assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, s.amend);
        assert.match(await page.locator('h1').innerText(), new RegExp(escapeRe(t('respond.amend_title'))));
        assert.equal(await page.inputValue('#author_name'), s.author);
        assert.ok(await page.isChecked('#publication-public'));
        assert.equal(await page.inputValue('#point-0-quote'), s.section1.quote);
        assert.equal(await page.inputValue('#point-1-text'), s.point2);
        assert.match(await page.locator('label[for="file-0-remove"]').innerText(), new RegExp(escapeRe(s.pdfName)),
                     'the attachment is not read back from the log');
        s.point2 = `${s.point2} (amended)`;
        await page.fill('#point-1-text', s.point2);
        const response = await navigate(page, () => page.click(kSubmit));
        assert.equal(response.status(), 200);
        assert.equal(new URL(page.url()).pathname, `${s.path}/responses/${s.rid}/receipt`);
        assert.equal((await receiptFacts(page))[t('response.revision')], '2');
        const r = await responseOf(s.id, s.rid);
        assert.equal(r.revision, 2);
        assert.equal(r.points[1].text, s.point2);
        assert.deepEqual(r.attachments.map((a) => a.filename), [s.pdfName], 'the attachment was lost');
        await finish(page);
      });

      test('an amendment of a response changed meanwhile is 412, explained, the input kept', async () => {
        assert.ok(s.amend, 'no response from the steps before');
        const a = await newPage(context);
        const b = await newPage(context);
        await visit(a, s.amend);
        await visit(b, s.amend);
        const textA = `${mode}: written in window A.`;
        const textB = `${mode}: written in window B.`;
        // A page in the background gets no animation frames, which
        // playwright's clicks wait for: each window comes to the front.
        await a.bringToFront();
        await a.fill('#point-0-text', textA);
        await b.bringToFront();
        await b.fill('#point-0-text', textB);
        let response = await navigate(b, () => b.click(kSubmit));
        assert.equal(response.status(), 200);
        assert.equal((await receiptFacts(b))[t('response.revision')], '3');
        await a.bringToFront();
        response = await navigate(a, () => a.click(kSubmit));
        assert.equal(response.status(), 412);
        const summary = await a.locator('.error-summary').innerText();
        assert.ok(summary.includes(t('respond.stale')), `the 412 page does not explain: ${summary}`);
        assert.match(summary, javaScriptEnabled ? /was changed by someone else/ : /blev ændret af en anden/);
        assert.equal(await a.inputValue('#point-0-text'), textA, 'the input of window A was lost');
        assert.equal(await a.inputValue('#point-1-text'), s.point2);
        const r = await responseOf(s.id, s.rid);
        assert.equal(r.revision, 3);
        assert.equal(r.points[0].text, textB, 'window A overwrote window B');
        if (javaScriptEnabled) await checkAxe(a, `respond-stale-${mode}`);
        await screenshots(a, `respond-stale-${mode}`);
        assert.deepEqual(unexpectedProblems(a, [[412, s.respond]]), []);
        s.stalePage = a;
        s.textA = textA;
        await finish(b);
      });

      test('submitting the kept input again after the 412 replaces the response (docs/web.md)', async () => {
        const a = s.stalePage;
        assert.ok(a, 'no 412 page from the step before');
        await a.bringToFront();
        const response = await navigate(a, () => a.click(kSubmit));
        if (response.status() !== 200) {
          const problem = await a.locator('.error-summary').innerText({ timeout: 1000 }).catch(() => '');
          assert.fail(`the second submit answered ${response.status()}: ${problem}`);
        }
        assert.equal(new URL(a.url()).pathname, `${s.path}/responses/${s.rid}/receipt`);
        assert.equal((await receiptFacts(a))[t('response.revision')], '4');
        const r = await responseOf(s.id, s.rid);
        assert.equal(r.revision, 4);
        assert.equal(r.points[0].text, s.textA);
        await finish(a, [[412, s.respond]]);
      });

      test('withdrawing on /my/responses gives the withdrawal\'s receipt', async () => {
        assert.ok(s.rid, 'no response from the steps before');
        s.stalePage = undefined;
        const page = await newPage(context);
        await visit(page, '/my/responses');
        const mine = page.locator('section.my-consultation').filter({ has: page.locator(`h2 a[href="${s.path}"]`) });
        const details = mine.locator('details.withdraw');
        assert.equal(await details.count(), 1);
        await details.locator('summary').click();
        const reason = `${mode}: sent by mistake`;
        const field = details.locator('textarea[name=reason]');
        assert.ok(await field.isVisible(), 'the reason field did not open');
        await field.fill(reason);
        const response = await navigate(page, () => details.locator('button[type=submit]').click());
        assert.equal(response.status(), 200);
        assert.equal(new URL(page.url()).pathname, `${s.path}/responses/${s.rid}/receipt`);
        assert.ok((await page.locator('main').innerText()).includes(t('receipt_page.withdrawn')),
                  'the receipt does not say the response was withdrawn');
        if (javaScriptEnabled) await checkAxe(page, `respond-withdrawn-${mode}`);
        await screenshots(page, `respond-withdrawn-${mode}`);
        const r = await responseOf(s.id, s.rid);
        assert.equal(r.withdrawn, true);
        assert.equal(r.withdrawal_reason, reason);
        await visit(page, '/my/responses');
        const listed = page.locator('section.my-consultation').filter({ has: page.locator(`h2 a[href="${s.path}"]`) });
        assert.ok((await listed.innerText()).includes(t('response.withdrawn')));
        assert.equal(await listed.locator('a[href*="/respond?response="]').count(), 0, 'a withdrawn response can be amended');
        await finish(page);
      });

      if (javaScriptEnabled) {
        test('no CSRF field: 403 and nothing written', async () => {
          const page = await newPage(context);
          await visit(page, s.respond);
          const existing = await responsesOf(s.id);
          const form = {
            target: 'new', author_name: 'Uden nøgle', publication: 'public',
            'point-0-text': 'Sendt uden formularens nøgle', action: 'submit',
          };
          for (const extra of [{}, { csrf: '0'.repeat(64) }]) {
            const res = await page.request.post(urlOf(s.respond), { multipart: { ...form, ...extra }, maxRedirects: 0 });
            assert.equal(res.status(), 403, `a post ${extra.csrf ? 'with a wrong' : 'without the'} CSRF field`);
            assert.equal(res.headers()['set-cookie'], undefined, 'a refused post sets a cookie');
            const body = await res.text();
            assert.ok(body.includes(escapeHtml(message(lang, 'problems.csrf-failed'))),
                      `the 403 page does not explain: ${body}`);
          }
          assert.deepEqual(await responsesOf(s.id), existing, 'a post without the CSRF field wrote');
          await visit(page, s.respond);
          assert.notEqual(await page.inputValue('#author_name'), 'Uden nøgle', 'the draft was changed');
          await finish(page);
          });

        test('another party\'s session sees neither the form of the response nor the response', async () => {
          assert.ok(s.rid, 'no response from the steps before');
          const invitation = await invite(s.id, s.other.id);
          const other = await newContext(browser, { lang, javaScriptEnabled });
          watchDocuments(other);
          try {
            const page = await newPage(other);
            await visit(page, invitation.path);
            assert.match(await page.locator('.signed-in').innerText(), new RegExp(escapeRe(s.other.name)));
            const hidden = [`${s.respond}?response=${s.rid}`, `${s.path}/responses/${s.rid}`,
                            `${s.path}/responses/${s.rid}/receipt`];
            for (const path of hidden) {
              const response = await visit(page, path);
              assert.equal(response.status(), 404, `${path} answered ${response.status()} to another party`);
              assert.ok(!(await page.content()).includes(s.summary), `${path} shows the response`);
            }
            await visit(page, '/my/responses');
            assert.equal(await page.locator(`a[href*="${s.rid}"]`).count(), 0, 'another party lists the response');
            await finish(page, [[404, s.respond], [404, hidden[1]], [404, hidden[2]]]);
          } finally {
            await other.close();
          }
        });

        test('a revoked invitation ends the session, and its link is refused', async () => {
          const page = await newPage(context);
          await adminOk('DELETE', `/v1/consultations/${enc(s.id)}/invitations/${enc(s.invitation.id)}`,
                        { reason: 'browser test' });
          let response = await visit(page, s.respond);
          assert.equal(new URL(page.url()).pathname, '/sign-in', 'the form opened after the revocation');
          assert.equal(await redirectStatus(response), 303);
          assert.equal(await page.locator('.signed-in').count(), 0);
          assert.ok(!(await context.cookies()).some((c) => c.name === 'hoering_session'), 'the session cookie is kept');
          response = await visit(page, s.invitation.path);
          assert.equal(response.status(), 401);
          assert.equal((await page.locator('#token-error').innerText()).trim(), t('sign_in.error_invalid'));
          assert.equal(await page.locator('.signed-in').count(), 0);
          await screenshots(page, `respond-revoked-${mode}`);
          await finish(page, [[401, '/sign-in']]);
          });
      }
    });
  }
});
