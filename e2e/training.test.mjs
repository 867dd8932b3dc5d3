// The training matrix in a real browser: a manager reads their people's matrix; a learner
// records a completion with a certificate (a mistake first, in an error summary) and sees their
// cell move on; an administrator's form to add a required module, with its mistakes, and to
// change one, and the page before retiring it. Each page passes axe, on a
// desktop and a phone, and in Welsh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_ACCOUNTS,
  startSkillgym,
  launchBrowser,
  withPage,
  visit,
  signIn,
  clickAndWait,
  checkA11y,
  assertErrorSummary,
  htmlLang,
  pathOf,
} from './lib.mjs';

let app;
let browser;

before(async () => {
  app = await startSkillgym();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('a manager reads the training matrix of their people', { timeout: 120_000 }, async () => {
  await withPage(browser, 'training-manager', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.manager);
    await clickAndWait(page, page.locator('nav.nav a[href="/training"]'));
    assert.equal(pathOf(page), '/training');
    assert.ok((await page.locator('tr[data-person]').count()) > 0, 'their people are listed');
    assert.ok((await page.locator('tr[data-requirement]').count()) >= 2, 'the demo modules');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the training matrix at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const form = page.locator('form[action="/language"]').first();
    await clickAndWait(page, form.locator('button').first());
    assert.equal(await htmlLang(page), 'cy');
    await checkA11y(page, 'the training matrix in Welsh');
  });
});

test('a learner records a completion of required training', { timeout: 120_000 }, async () => {
  await withPage(browser, 'training-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await visit(page, `${app.url}/learning`);
    await clickAndWait(page, page.locator('main a[href="/me/training"]'));
    assert.equal(pathOf(page), '/me/training');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `a learner's required training at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const first = page.locator('li[data-requirement]').first();
    const code = await first.getAttribute('data-requirement');
    // Nothing chosen, a day that is no day: an error summary.
    await page.locator('#completed_on').fill('yesterday');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    await assertErrorSummary(page);
    await checkA11y(page, 'the completion form with mistakes');
    const option = await page.locator('#requirement option[value]:not([value=""])').first().getAttribute('value');
    await page.locator('#requirement').selectOption(option);
    const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#completed_on').fill(day);
    await page.locator('#evidence').fill('https://learning.example.org/certificates/7');
    // A certificate, chosen as a file: sent as multipart by the browser itself.
    await page.locator('#evidence_file').setInputFiles({
      name: 'certificate.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
    });
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), '/me/training');
    const recorded = page.locator(`li[data-requirement="${code}"]`);
    assert.equal(await recorded.locator('[data-cell]').getAttribute('data-cell'), 'done');
    const download = recorded.locator('a[download]');
    assert.equal(await download.count(), 1, 'the certificate is listed with the completion');
    const answer = await page.request.get(new URL(await download.getAttribute('href'), app.url).href);
    assert.equal(answer.status(), 200);
    assert.match(answer.headers()['content-disposition'], /^attachment; filename="certificate\.pdf"$/);
    await checkA11y(page, 'a recorded completion');
  });
});

test('an administrator is told what is wrong with a new module', { timeout: 120_000 }, async () => {
  await withPage(browser, 'training-admin', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/admin`);
    await clickAndWait(page, page.locator('main a[href="/training"]'));
    await clickAndWait(page, page.locator('main a[href="/training/requirements/new"]'));
    await checkA11y(page, 'the form to add a module');
    await page.locator('#code').fill('not a code');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    await assertErrorSummary(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the module form with mistakes at ${width} px`);
    }
  });
});

test('an administrator changes a module and is asked before retiring it', { timeout: 120_000 }, async () => {
  await withPage(browser, 'training-admin-change', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/training`);
    const row = page.locator('tr[data-requirement]').first();
    const code = await row.getAttribute('data-requirement');
    await clickAndWait(page, row.locator('a[href^="/training/requirements/"]'));
    await checkA11y(page, 'the form to change a module');
    assert.equal(await page.locator('#code').count(), 0, 'the code cannot be changed');
    await page.locator('#window').fill('400');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    await assertErrorSummary(page);
    await page.locator('#window').fill('45');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), '/training');
    assert.equal(await page.locator('div.panel[role="status"]').count(), 1);
    await clickAndWait(page, page.locator(`tr[data-requirement="${code}"] a[href^="/training/requirements/"]`));
    await clickAndWait(page, page.locator('main a[href$="/retire"]'));
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the page before retiring a module at ${width} px`);
    }
    // Cancelling leaves it in the matrix.
    await clickAndWait(page, page.locator('main a.button.secondary'));
    await visit(page, `${app.url}/training`);
    assert.equal(await page.locator(`tr[data-requirement="${code}"]`).count(), 1);
  });
});
