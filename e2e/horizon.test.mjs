// Horizon scanning in a real browser: a learner clips a link (a bad link first, refused in an
// error summary), with tags; a champion comments on it; a trainer opens the synthesis, finds
// the clipping under both its tags, and publishes a write-up that the learner then finds on
// their home page. The champions' board is reached from the Learning page. Each page passes
// axe, on a desktop and a phone.
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

const NOTE = 'The council is trialling a chatbot for library renewals: we should know what it can and cannot do.';

test('a clipping is commented on, synthesised and written up', { timeout: 180_000 }, async () => {
  let id;
  await withPage(browser, 'horizon-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await visit(page, `${app.url}/learning`);
    await clickAndWait(page, page.locator('main a[href="/horizon"]'));
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the clippings at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await clickAndWait(page, page.locator('main a[href="/horizon/new"]'));
    await checkA11y(page, 'the clipping form');
    await page.locator('#url').fill('javascript:alert(1)');
    await page.locator('#note').fill(NOTE);
    await page.locator('#tags').fill(' AI, Public Enquiries ,ai');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    await assertErrorSummary(page);
    await checkA11y(page, 'the clipping form with a mistake');
    await page.locator('#url').fill('https://www.example.gov.uk/news/renewals-chatbot');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    const path = pathOf(page);
    assert.match(path, /^\/horizon\/\d+$/);
    id = path.split('/').pop();
    assert.equal(await page.locator('main .tag').count(), 2, 'ai and public enquiries, once each');
    await checkA11y(page, 'a clipping');
  });

  await withPage(browser, 'horizon-champion', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.champion);
    await visit(page, `${app.url}/horizon/${id}`);
    await clickAndWait(page, page.locator('#comments form button[type="submit"]'));
    await assertErrorSummary(page);
    await page.locator('#comment').fill('Customers asked about it twice this week.');
    await clickAndWait(page, page.locator('#comments form button[type="submit"]'));
    assert.equal(await page.locator('#comments li[data-comment]', { hasText: 'twice this week' }).count(), 1);
    await checkA11y(page, 'a clipping with a comment');
    // The board, from the champion's page.
    await visit(page, `${app.url}/champion`);
    await clickAndWait(page, page.locator('main a[href="/champions/board"]'));
    await checkA11y(page, "the champions' board");
    await clickAndWait(page, page.locator('main li[data-post] a').first());
    await checkA11y(page, 'a tip with its comments');
  });

  await withPage(browser, 'horizon-trainer', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.trainer);
    await visit(page, `${app.url}/horizon/synthesis`);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the synthesis at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const tag of ['ai', 'public enquiries']) {
      const row = page.locator(`tr[data-tag="${tag}"]`);
      assert.equal(await row.count(), 1, tag);
    }
    assert.equal(await page.locator(`section li[data-clipping="${id}"]`).count(), 2, 'under both its tags');
    await page.locator('#title').fill('Chatbots at the counter');
    await page.locator('#text').fill('Renewals by chatbot are coming.\n\nLearn what it does before customers ask.');
    await clickAndWait(page, page.locator('form[action="/horizon/write-ups/new"] button[type="submit"]'));
    assert.match(pathOf(page), /^\/horizon\/write-ups\/\d+$/);
    await checkA11y(page, 'a published write-up');
  });

  await withPage(browser, 'horizon-reader', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await visit(page, `${app.url}/`);
    await clickAndWait(page, page.locator('main a', { hasText: 'Chatbots at the counter' }));
    assert.equal(await page.locator('main .answer-text p').count(), 2);
    await visit(page, `${app.url}/horizon/write-ups`);
    await checkA11y(page, 'the write-ups');
  });
});
