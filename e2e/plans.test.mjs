// Learning plans in a real browser: a manager proposes a plan for one of their people from
// their audit results (a mistake first, shown in an error summary), agrees it, keeps a note,
// adds a step they chose, and finds it in the list of plans; the plan page in Welsh; a
// learner's own page with no plan; the champion's page.
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

/** The first of the manager's people whose plan page offers to propose one. */
async function someoneToPlanFor(page) {
  await visit(page, `${app.url}/team`);
  const people = await page.$$eval('main a[href^="/people/"]', (links) =>
    [...new Set(links.map((a) => a.getAttribute('href')).filter((h) => /^\/people\/\d+$/.test(h)))],
  );
  for (const person of people) {
    await visit(page, `${app.url}${person}/plan`);
    if ((await page.locator('main form input[name="campaign"]').count()) > 0) return person;
  }
  assert.fail('one of the manager\'s people finished an audit with names');
}

test('a manager proposes, agrees and keeps notes on a plan', { timeout: 240_000 }, async () => {
  await withPage(browser, 'plans-manager', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.manager);
    const person = await someoneToPlanFor(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the form to propose a plan at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // Minutes a week that no one has: an error summary, and nothing made.
    await page.locator('#minutes').fill('5');
    await clickAndWait(page, page.locator('main form[action$="/plan"] button[type="submit"]'));
    await assertErrorSummary(page);
    await checkA11y(page, 'the form with a mistake');
    await page.locator('#minutes').fill('60');
    await clickAndWait(page, page.locator('main form[action$="/plan"] button[type="submit"]'));
    assert.equal(pathOf(page), `${person}/plan`);
    assert.equal(await page.locator('[data-progress="to-agree"]').count(), 1, 'proposed, to agree');
    const goals = await page.locator('main h2 + ol li').count();
    assert.ok(goals >= 1 && goals <= 4, `${goals} goals`);
    const weeks = await page.locator('main section h3[id^="week-"]').count();
    assert.ok(weeks >= 1, 'steps laid out by week');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `a proposed plan at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    await clickAndWait(page, page.locator('main form:has(input[value="agree"]) button'));
    assert.equal(await page.locator('[data-progress="on-track"]').count(), 1, 'agreed, on track');
    // Adding a step by hand: nothing chosen is explained; then the first activity, in week 2.
    await clickAndWait(page, page.locator('main form:has(#add) button'));
    await assertErrorSummary(page);
    await checkA11y(page, 'the form to add a step with a mistake');
    const steps = await page.locator('main section li[id^="step-"]').count();
    const option = await page.locator('#add option[value*="-a-"]').first().getAttribute('value');
    await page.locator('#add').selectOption(option);
    await page.locator('#week').fill('2');
    await clickAndWait(page, page.locator('main form:has(#add) button'));
    assert.equal(await page.locator('main section li[id^="step-"]').count(), steps + 1, 'one step more');
    assert.match(await page.locator('#week-2 ~ ul').first().innerText(), /Chosen when you met/);

    await page.locator('#note').fill('Met on Tuesday; the course at the branch suits best.');
    await clickAndWait(page, page.locator('main form[action$="/notes"] button'));
    assert.match(await page.locator('#notes ~ .panel').first().innerText(), /Tuesday/);
    await checkA11y(page, 'an agreed plan with a note');

    await visit(page, `${app.url}/plans`);
    assert.equal(await page.locator(`main a[href="${person}/plan"]`).count(), 1, 'in the list');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the list of plans at ${width} px`);
    }

    // In Welsh.
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(page, `${app.url}${person}/plan`);
    const form = page.locator('form[action="/language"]').first();
    await clickAndWait(page, form.locator('button').first());
    assert.equal(await htmlLang(page), 'cy');
    await checkA11y(page, 'a plan in Welsh');
  });
});

test('a learner without a plan is told how they get one', { timeout: 120_000 }, async () => {
  await withPage(browser, 'plans-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await clickAndWait(page, page.locator('nav.nav a[href="/learning"]'));
    await clickAndWait(page, page.locator('main a[href="/me/plan"]'));
    assert.equal(pathOf(page), '/me/plan');
    // Learning stays marked in the menu: the plan is part of it.
    assert.equal(await page.locator('nav.nav a[href="/learning"]').getAttribute('aria-current'), 'true');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `a learner's plan page at ${width} px`);
    }
    // The home page says so too.
    await visit(page, `${app.url}/`);
    assert.ok(await page.locator('#plan-heading').isVisible());
    await checkA11y(page, 'the home page with its learning section');
  });
});

test('a champion finds their page from the menu', { timeout: 120_000 }, async () => {
  await withPage(browser, 'plans-champion', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.champion);
    await clickAndWait(page, page.locator('nav.nav a[href="/champion"]'));
    assert.equal(pathOf(page), '/champion');
    assert.ok(await page.locator('nav.nav a[href="/champion"]').getAttribute('aria-current'), 'marked in the menu');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the champion's page at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const form = page.locator('form[action="/language"]').first();
    await clickAndWait(page, form.locator('button').first());
    assert.equal(await htmlLang(page), 'cy');
    await checkA11y(page, "the champion's page in Welsh");
  });
});
