// Forms in a browser: signing in with a token and out again, a refused
// code, a receipt checked on /receipts/verify, each form's error state under
// axe, with JavaScript on and off, and the sign-in form by keyboard alone.
// The CSRF and session rules themselves are covered without a browser in
// tests/server/web/pages_test.cpp.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkAxe, clickAndWait, launchBrowser, newContext, newPage, pageProblems, screenshots, signIn, visit,
} from './lib/browser.mjs';
import { adminToken, apiGet } from './lib/server.mjs';

// A receipt of the demo: a public response's log position and hash.
async function demoReceipt() {
  const consultations = (await apiGet('/v1/consultations')).items;
  const closed = consultations.find((c) => c.state === 'closed');
  const responses = (await apiGet(`/v1/consultations/${encodeURIComponent(closed.id)}/responses`)).items;
  return responses[0].receipt;
}

describe('forms', () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'js' : 'nojs';
    describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      let context;
      before(async () => { context = await newContext(browser, { lang: 'en', javaScriptEnabled }); });
      after(async () => { await context?.close(); });

      test('a wrong code is refused at the field, and the error state passes axe', async () => {
        const page = await newPage(context);
        await signIn(page, 'inv_not-a-real-code');
        assert.match(await page.locator('#token-error').innerText(), /cannot be used/);
        assert.equal(await page.locator('.error-summary a[href="#token"]').count(), 1);
        assert.equal(await page.locator('.signed-in').count(), 0);
        if (javaScriptEnabled) await checkAxe(page, `sign-in-error-${mode}`);
        await screenshots(page, `sign-in-error-${mode}`);
        // The refused form itself answers 401, which Chromium logs; nothing else may fail.
        const others = pageProblems(page).filter((p) => !/status of 401 .*\/sign-in\)$/.test(p));
        assert.deepEqual(others, []);
        await page.close();
      });

      test('a token signs in, the page never shows it, and sign-out ends the session', async () => {
        const page = await newPage(context);
        await signIn(page, adminToken);
        assert.equal(new URL(page.url()).pathname, '/');
        assert.match(await page.locator('.signed-in').innerText(), /administrator/);
        assert.ok(!(await page.content()).includes(adminToken), 'the token is in the page');
        const cookies = await context.cookies();
        const session = cookies.find((c) => c.name === 'hoering_session');
        assert.ok(session && session.httpOnly && session.sameSite === 'Lax', 'session cookie flags');
        if (javaScriptEnabled) await checkAxe(page, `signed-in-${mode}`);
        await screenshots(page, `signed-in-${mode}`);
        await clickAndWait(page, 'form.sign-out button');
        assert.equal(await page.locator('.signed-in').count(), 0);
        assert.ok(!(await context.cookies()).some((c) => c.name === 'hoering_session'));
        await page.close();
      });

      test('a receipt is checked, and an unreadable one is shown at the field', async () => {
        const page = await newPage(context);
        await visit(page, '/receipts/verify');
        await page.fill('#receipt', '{"position": "x"}');
        await clickAndWait(page, 'form[action="/receipts/verify"] button');
        assert.match(await page.locator('#receipt-error').innerText(), /not a receipt/);
        assert.equal(await page.inputValue('#receipt'), '{"position": "x"}');
        if (javaScriptEnabled) await checkAxe(page, `receipt-error-${mode}`);
        const receipt = await demoReceipt();
        await page.fill('#receipt', JSON.stringify(receipt));
        await clickAndWait(page, 'form[action="/receipts/verify"] button');
        assert.match(await page.locator('.receipt-result').innerText(), /The receipt is valid/);
        if (javaScriptEnabled) await checkAxe(page, `receipt-ok-${mode}`);
        await screenshots(page, `receipt-ok-${mode}`);
        await page.close();
      });
    });
  }

  test('the sign-in form works by keyboard alone', async () => {
    const context = await newContext(browser, { lang: 'da' });
    const page = await newPage(context);
    await visit(page, '/sign-in');
    // From the top of the page: Tab until the code field has focus, type, Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'token')) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'token');
    await page.keyboard.type(adminToken);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await page.locator('.signed-in').innerText(), /administrator/);
    await context.close();
  });
});
