// Evaluation in a real browser: a learner who completed a module linked to a catalogue activity
// says how it went (a mistake first, in an error summary); a trainer reads the report by
// activity and by trainer, in English and in Welsh. Each page passes axe, on a desktop and a
// phone.
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

test('a learner says how a module went, after a mistake', { timeout: 180_000 }, async () => {
  // An administrator ties the first module to the catalogue's first activity.
  let code;
  await withPage(browser, 'evaluation-admin', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/training`);
    const row = page.locator('tr[data-requirement]').first();
    code = await row.getAttribute('data-requirement');
    await clickAndWait(page, row.locator('a[href^="/training/requirements/"]'));
    const activity = await page.locator('#activity option[value]:not([value=""])').first().getAttribute('value');
    await page.locator('#activity').selectOption(activity);
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), '/training');
  });
  await withPage(browser, 'evaluation-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await visit(page, `${app.url}/me/training`);
    const module = page.locator(`li[data-requirement="${code}"]`);
    assert.equal(await module.locator('a[href^="/learning/"]').count(), 1, 'the module is an activity of the catalogue');
    const option = await page.locator('#requirement option', { hasText: `(${code})` }).getAttribute('value');
    await page.locator('#requirement').selectOption(option);
    const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#completed_on').fill(day);
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), '/me/training');

    await visit(page, `${app.url}/me/feedback`);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `what a learner did, to say how it went, at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const listed = page.locator('li[data-activity] a');
    assert.ok((await listed.count()) >= 1, 'the completed module is listed');
    await clickAndWait(page, listed.first());
    await checkA11y(page, 'the feedback form');
    // Nothing chosen: every question is named in the error summary.
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    await assertErrorSummary(page);
    await checkA11y(page, 'the feedback form with mistakes');
    await page.locator('#usefulness-4').check();
    await page.locator('#objectives-yes').check();
    await page.locator('#takeaway1').fill('Ask before helping');
    await page.locator('#more_effective-4').check();
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), '/me/feedback');
    assert.equal(await page.locator('div.panel[role="status"]').count(), 1);
  });
});

test('a trainer reads the evaluation report at four levels', { timeout: 120_000 }, async () => {
  await withPage(browser, 'evaluation-trainer', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.trainer);
    await visit(page, `${app.url}/evaluation`);
    assert.equal(pathOf(page), '/evaluation');
    assert.ok((await page.locator('main table').count()) >= 1, 'the report has its table');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the evaluation report at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await clickAndWait(page, page.locator('main a[href="/evaluation?by=trainer"]'));
    await checkA11y(page, 'the evaluation report by trainer');
    const form = page.locator('form[action="/language"]').first();
    await clickAndWait(page, form.locator('button').first());
    assert.equal(await htmlLang(page), 'cy');
    await checkA11y(page, 'the evaluation report in Welsh');
  });
});
