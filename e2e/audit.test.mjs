// Taking a skills audit in a real browser, with no JavaScript on the pages: start, answer a
// few sections, leave, come back in a new browser, finish, see the results. Every page is
// checked with axe; a keyboard-only pass checks the rating radios can be chosen without a mouse.
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
  pathOf,
  answerSection,
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

async function openAudit(page) {
  await visit(page, `${app.url}/audits`);
  await checkA11y(page, 'audits list');
  await clickAndWait(page, page.locator('main a[href^="/audits/"]').first());
  await checkA11y(page, 'audit start');
}

test('an audit can be left half way, resumed in another browser, and finished', async () => {
  let auditPath;
  await withPage(browser, 'audit-first-visit', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await openAudit(page);
    auditPath = pathOf(page);
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.match(pathOf(page), /\/section\/1$/);
    // The profile questions are optional; the ratings are not. An empty ratings page is
    // refused with an error summary that passes axe.
    await visit(page, `${app.url}${auditPath}/section/2`);
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    await checkA11y(page, 'section with errors');
    assert.ok(await page.locator('.error-summary').isVisible());
    await visit(page, `${app.url}${auditPath}/section/1`);
    for (let n = 1; n <= 3; n += 1) {
      assert.match(pathOf(page), new RegExp(`/section/${n}$`));
      await checkA11y(page, `section ${n}`);
      await answerSection(page);
    }
    assert.match(pathOf(page), /\/section\/4$/);
  });

  await withPage(browser, 'audit-second-visit', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await visit(page, `${app.url}${auditPath}`);
    const button = page.locator('main form button[type="submit"]');
    assert.match(await button.innerText(), /Continue/);
    await clickAndWait(page, button);
    assert.match(pathOf(page), /\/section\/4$/, 'resumes at the first unanswered section');
    let guard = 0;
    let pictures = 0;
    while (/\/section\/\d+$/.test(pathOf(page)) && guard < 40) {
      if (await page.locator('img.quiz-picture').count()) {
        pictures += await page.locator('img.quiz-picture').count();
        await checkA11y(page, `picture question ${pathOf(page)}`);
      }
      await answerSection(page);
      guard += 1;
    }
    assert.match(pathOf(page), /\/check$/);
    assert.ok(pictures > 0, 'the demo audit asks picture questions');
    // Picture questions are shown with their pictures on checking answers and the results
    // (and are loaded, not broken).
    const shown = async () =>
      page.$$eval('main img.quiz-picture', (imgs) => imgs.filter((i) => i.complete && i.naturalWidth > 0).length);
    assert.equal(await shown(), pictures, 'check your answers shows every picture');
    await checkA11y(page, 'check your answers');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.match(pathOf(page), /\/results$/);
    assert.equal(await shown(), pictures, 'the results show every picture');
    await checkA11y(page, 'results');
    assert.match(await page.locator('main').innerText(), /questions correctly/);
    assert.ok(await page.locator('main figure.chart svg.chart-svg').count(), 'a chart drawn by the server');
    assert.ok(await page.locator('main table').count() >= 2, 'with tables beside it');
  });
});

test('the rating radios can be answered with the keyboard alone', async () => {
  await withPage(browser, 'audit-keyboard', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.champion);
    await openAudit(page);
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    // Section 1 is the profile; go to the first ratings page.
    await answerSection(page);
    const first = page.locator('main form input[type="radio"]').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const checked = await page.$$eval('main form input[type="radio"]:checked', (els) => els.length);
    assert.equal(checked, 1, 'arrow keys choose a rating');
  });
});
