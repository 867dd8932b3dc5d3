// An admin writes a framework and a campaign's own questions in the browser,
// without JavaScript on the pages: every form, its errors and the pages it
// leads to pass axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_ACCOUNTS,
  startSkillgym,
  launchBrowser,
  withPage,
  signIn,
  visit,
  clickAndWait,
  pathOf,
  checkA11y,
  assertErrorSummary,
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

/** Fills the named fields of the page's main form and submits it. */
async function submit(page, fields, button = 'main form button[type="submit"]') {
  for (const [name, value] of Object.entries(fields)) {
    await page.locator(`main [name="${name}"]`).first().fill(value);
  }
  return clickAndWait(page, page.locator(button).last());
}

test('an admin builds a framework item by item', { timeout: 300_000 }, async () => {
  await withPage(browser, 'editors-framework', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/frameworks`);
    await clickAndWait(page, page.locator('a[href="/frameworks/new"]'));
    await checkA11y(page, 'new framework form');
    // Nothing typed: the error summary links to the fields.
    let response = await submit(page, {});
    assert.equal(response.status(), 422);
    await assertErrorSummary(page);
    await checkA11y(page, 'new framework form with errors');
    await submit(page, { code: 'E2E', title_en: 'Browser framework' });
    assert.match(pathOf(page), /^\/frameworks\/\d+$/);
    const base = pathOf(page);
    await checkA11y(page, 'an empty framework');

    await clickAndWait(page, page.locator(`a[href="${base}/areas/new"]`).first());
    await checkA11y(page, 'add an area');
    await submit(page, { code: 'E2E-A', title_en: 'First area', title_cy: 'Maes cyntaf' });
    await clickAndWait(page, page.locator(`a[href="${base}/competences/new?area=E2E-A"]`));
    await checkA11y(page, 'add a competence');
    await submit(page, { code: 'E2E-1', title_en: 'First competence' });
    await visit(page, `${app.url}${base}/competences/new?area=E2E-A`);
    await submit(page, { code: 'E2E-2', title_en: 'Second competence' });
    await checkA11y(page, 'a framework with two competences');
    // Move the second up with the button, no script needed.
    await clickAndWait(page, page.locator('#competence-E2E-2 button[value="up"]'));
    const order = await page.locator('section.framework-area dt code').allInnerTexts();
    assert.deepEqual(order, ['E2E-2', 'E2E-1']);

    await visit(page, `${app.url}${base}/levels`);
    await checkA11y(page, 'levels');
    await visit(page, `${app.url}${base}/competences/E2E-1/remove`);
    await checkA11y(page, 'remove a competence');
    response = await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(response.status(), 422);
    await assertErrorSummary(page);
    await checkA11y(page, 'remove without confirming');
    await page.locator('#confirm').check();
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), base);

    // A competence people have answered about explains why it stays.
    await visit(page, `${app.url}/frameworks`);
    await clickAndWait(page, page.locator(`main table a:not([href="${base}"])`).first());
    const demo = pathOf(page);
    const first = await page.locator('section.framework-area dt code').first().innerText();
    await visit(page, `${app.url}${demo}/competences/${first}/remove`);
    await checkA11y(page, 'a competence that cannot be removed');
    assert.equal(await page.locator('input[name="confirm"]').count(), 0);
  });
});

test("an admin writes a campaign's own questions", { timeout: 300_000 }, async () => {
  await withPage(browser, 'editors-questions', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/campaigns`);
    await clickAndWait(page, page.locator('main table a').first());
    // The demo campaigns have answers: their questions are fixed. A copy has none.
    await clickAndWait(page, page.locator('main a[href$="/questions"]'));
    await checkA11y(page, 'questions of an answered campaign');
    await page.goBack();
    await clickAndWait(page, page.locator('main form[action$="/clone"] button'));
    await clickAndWait(page, page.locator('main a[href$="/questions"]'));
    const base = pathOf(page);
    await checkA11y(page, 'questions of a campaign not yet answered');

    await clickAndWait(page, page.locator(`a[href="${base}/new"]`));
    await checkA11y(page, 'add a profile question');
    let response = await submit(page, {});
    assert.equal(response.status(), 422);
    await assertErrorSummary(page);
    await checkA11y(page, 'profile question with errors');
    await page.locator('#kind-single').check();
    await submit(page, {
      prompt_en: 'Which site do you work at most?',
      options_en: 'A branch\nThe mobile library',
    });
    assert.equal(pathOf(page), base);

    const quiz = base.replace(/\/questions$/, '/quiz');
    await visit(page, `${app.url}${quiz}/new`);
    await checkA11y(page, 'add a knowledge-round question');
    response = await submit(page, { prompt_en: 'No options yet' });
    assert.equal(response.status(), 422);
    await assertErrorSummary(page);
    await checkA11y(page, 'knowledge-round question with errors');
    await page.locator('#competence').selectOption({ index: 1 });
    await page.locator('#option-1-correct').check();
    await submit(page, {
      prompt_en: 'Which is a strong password?',
      'option-1-en': 'Three random words',
      'option-2-en': 'password123',
    });
    assert.equal(pathOf(page), base);
    await checkA11y(page, 'questions after adding');
  });
});
