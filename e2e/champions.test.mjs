// Finding help in a real browser: a learner goes from the home page to Find help, chooses a
// skill, finds the champions who help with it (nearest first within each strength), asks one
// (an empty message shows the error summary first), and the champion finds the request on
// their page and logs the help they gave; a trainer reads the nominations and the report.
// Each page passes axe, on a desktop and a phone.
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

async function bothWidths(page, label) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await checkA11y(page, `${label} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a learner finds a champion by skill and asks them; the champion logs the help', { timeout: 240_000 }, async () => {
  const message = 'Could you show me how to set up the NHS App with a customer on Friday?';
  await withPage(browser, 'find-help-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await clickAndWait(page, page.locator('main a[href="/help"]').first());
    assert.equal(pathOf(page), '/help');
    await bothWidths(page, 'find help');
    // The first skill of the framework: the demo's champion sign-in lists it.
    const skill = await page.locator('#about optgroup').first().locator('option').first();
    const value = await skill.getAttribute('value');
    assert.match(value, /^competence:/);
    await page.locator('#about').selectOption(value);
    await clickAndWait(page, page.locator('main form[role="search"] button[type="submit"]'));
    const found = page.locator('main li[data-champion]');
    assert.ok((await found.count()) >= 1, 'someone helps with it');
    assert.match(await page.locator('#found').innerText(), /can help with/);
    await bothWidths(page, 'champions found');
    // Strong before able: no "Knows it well" after the first "Can help".
    const tags = await found.locator('strong.tag').allInnerTexts();
    const firstAble = tags.indexOf('Can help');
    if (firstAble >= 0) assert.ok(!tags.slice(firstAble).includes('Knows it well'), tags.join(', '));
    // Ask the demo's champion sign-in.
    const ask = page.locator('main li[data-champion] a', { hasText: /^Ask / });
    const names = await found.locator('h3').allInnerTexts();
    assert.ok(names.length >= 1);
    await clickAndWait(page, ask.first());
    assert.match(pathOf(page), /^\/help\/ask\/\d+$/);
    await bothWidths(page, 'asking a champion');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.ok(await page.locator('.error-summary').isVisible());
    await checkA11y(page, 'asking with an empty message');
    await page.locator('#message').fill(message);
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), '/help');
    assert.match(await page.locator('main').innerText(), /Your request is sent/);
  });
  // Whoever was asked finds the request on their champion page (the demo sign-in is one of
  // those found; if they were not first, the request went to another champion).
  await withPage(browser, 'find-help-champion', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.champion);
    await visit(page, `${app.url}/champion`);
    await bothWidths(page, 'the champion page');
    await clickAndWait(page, page.locator('main a[href="/champion/help"]'));
    await bothWidths(page, 'logging help');
    await page.locator('#what').fill('Showed a colleague the NHS App');
    await page.locator('#minutes').fill('half an hour');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.ok(await page.locator('.error-summary').isVisible());
    await checkA11y(page, 'logging help with a mistake');
    await page.locator('#minutes').fill('30');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.match(await page.locator('main').innerText(), /Logged\. Thank you\./);
    assert.match(await page.locator('main table').innerText(), /Showed a colleague the NHS App/);
    await visit(page, `${app.url}/champion/offer`);
    await bothWidths(page, 'what a champion offers');
  });
});

test('a trainer reads the champions, the nominations and the help they gave', { timeout: 180_000 }, async () => {
  await withPage(browser, 'champions-trainer', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.trainer);
    await visit(page, `${app.url}/learning`);
    await clickAndWait(page, page.locator('main a[href="/champions"]'));
    await bothWidths(page, 'champions');
    assert.ok((await page.locator('main li[data-nominee]').count()) >= 1, 'a nomination waits');
    await clickAndWait(page, page.locator('main a[href="/champions/help"]'));
    await bothWidths(page, 'help from champions');
    assert.match(await page.locator('#help-total').innerText(), /hours in all/);
    await visit(page, `${app.url}/champions/nominate`);
    await bothWidths(page, 'nominating');
    await visit(page, `${app.url}/buddies`);
    await bothWidths(page, 'digital buddies');
    const pairing = page.locator('main a[href^="/buddies/"]').first();
    await clickAndWait(page, pairing);
    await bothWidths(page, 'a pairing');
  });
});
