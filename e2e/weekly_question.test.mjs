// The weekly question in a real browser: a learner asks without their name (a mistake first, in
// an error summary); a trainer finds it waiting, rewords it and answers it with a skill; the
// learner finds the answer by searching, in Welsh too. Each page passes axe, on a desktop and a
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

const ASKED = 'Helping Mr Price at the counter: how do I print a boarding pass from his phone?';
const WORDED = 'How do I print a boarding pass from a customer\'s phone?';

test('a question asked without a name is answered for everyone', { timeout: 180_000 }, async () => {
  await withPage(browser, 'question-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await visit(page, `${app.url}/questions`);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the questions and answers at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await clickAndWait(page, page.locator('main a[href="/questions/ask"]'));
    await checkA11y(page, 'the question form');
    // Nothing typed: the error summary says so.
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    await assertErrorSummary(page);
    await checkA11y(page, 'the question form with a mistake');
    await page.locator('#question').fill(ASKED);
    await page.locator('#anonymous').check();
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), '/questions');
    assert.equal(await page.locator('div.panel[role="status"]').count(), 1);
    assert.equal(await page.getByText('Mr Price').count(), 0, 'not among their own: nothing ties it to them');
  });

  let id;
  await withPage(browser, 'question-trainer', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.trainer);
    await visit(page, `${app.url}/questions/waiting`);
    await checkA11y(page, 'the questions waiting');
    const row = page.locator('tr[data-question]', { hasText: 'Mr Price' });
    assert.equal(await row.count(), 1);
    id = await row.getAttribute('data-question');
    assert.match(await row.innerText(), /Without a name/);
    await clickAndWait(page, row.locator('a'));
    await checkA11y(page, 'the answer form');
    await page.locator('#wording').fill(WORDED);
    await page.locator('#answer').fill('Ask them to open the airline\'s app and choose Share, then Print; the library printers take jobs sent to print@afon.example.');
    const skill = await page.locator('#competence option[value]:not([value=""])').first().getAttribute('value');
    await page.locator('#competence').selectOption(skill);
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), `/questions/${id}`);
    await checkA11y(page, 'an answered question, for the team');
  });

  await withPage(browser, 'question-reader', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.champion);
    await visit(page, `${app.url}/questions`);
    await page.locator('#q').fill('boarding PASS');
    await clickAndWait(page, page.locator('form[role="search"] button'));
    const found = page.locator(`li[data-question="${id}"] a`);
    assert.equal(await found.count(), 1);
    assert.equal(await page.locator('li[data-question]').count(), 1, 'only what matches');
    await clickAndWait(page, found);
    assert.equal(await page.locator('h1').innerText(), WORDED);
    assert.equal(await page.getByText('Mr Price').count(), 0, 'the words as asked stay with the team');
    await checkA11y(page, 'an answered question');
    // In Welsh.
    await visit(page, `${app.url}/questions`);
    await clickAndWait(page, page.locator('header form[action="/language"] button[lang="cy"]'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the questions in Welsh at ${width} px`);
    }
  });
});
