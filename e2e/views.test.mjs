// The analysis views in a real browser: change over time, free-text answers, a person's profile
// (their own, and one their manager opens from the person page), the role profiles form with a
// bad level, and the print-ready report, which must print without navigation. Every page is
// checked with axe.
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
  saveArtifacts,
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

/** The re-audit: the campaign whose change page compares it with an earlier one. */
async function reaudit(page) {
  await visit(page, `${app.url}/campaigns`);
  const hrefs = await page.$$eval('main a[href^="/campaigns/"]', (as) => as.map((a) => a.getAttribute('href')));
  const ids = hrefs.map((h) => h.match(/^\/campaigns\/(\d+)$/)).filter(Boolean).map((m) => Number(m[1]));
  return Math.max(...ids);
}

test('an admin sees change over time, role profiles and the print-ready report', { timeout: 300_000 }, async () => {
  await withPage(browser, 'views-admin', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    const id = await reaudit(page);
    await visit(page, `${app.url}/campaigns/${id}`);
    await clickAndWait(page, page.locator('main a', { hasText: 'Change over time' }));
    assert.equal(pathOf(page), `/campaigns/${id}/change`);
    assert.ok(await page.locator('#change-competences tbody tr').count() > 0);
    assert.ok(await page.locator('figure.chart svg circle').count() > 2, 'dumbbells are drawn');
    await checkA11y(page, 'change over time');
    if (process.env.VIEWS_SCREENSHOTS) await saveArtifacts(page, 'views-change');

    await visit(page, `${app.url}/campaigns/${id}`);
    await clickAndWait(page, page.locator('main a', { hasText: 'Free-text answers' }));
    assert.equal(pathOf(page), `/campaigns/${id}/answers`);
    assert.ok(await page.locator('main section.free-text').count() > 0, 'the free-text questions');
    await checkA11y(page, 'free-text answers');
    if (process.env.VIEWS_SCREENSHOTS) await saveArtifacts(page, 'views-answers');

    await visit(page, `${app.url}/campaigns/${id}/report/print`);
    await checkA11y(page, 'print-ready report');
    assert.equal(await page.locator('section.print-part').count(), 4);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('nav.nav').isVisible(), false, 'no navigation when printed');
    assert.equal(await page.locator('.print-part .filters').first().isVisible(), false);
    assert.ok(await page.locator('#change-competences').isVisible());
    if (process.env.VIEWS_SCREENSHOTS) await saveArtifacts(page, 'views-print');
    await page.emulateMedia({ media: 'screen' });

    await visit(page, `${app.url}/role-profiles`);
    await checkA11y(page, 'role profiles');
    const first = page.locator('#role-targets input').first();
    await first.fill('9');
    await clickAndWait(page, page.locator('main form[method="post"] button[type="submit"]'));
    await assertErrorSummary(page);
    await checkA11y(page, 'role profiles with an error');
    if (process.env.VIEWS_SCREENSHOTS) await saveArtifacts(page, 'views-role-profiles-error');
  });
});

test('a manager opens a profile from the person page, and a learner sees their own', { timeout: 300_000 }, async () => {
  await withPage(browser, 'views-manager', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.manager);
    await visit(page, `${app.url}/team`);
    const people = await page.$$eval('main a[href^="/people/"]', (as) => as.map((a) => a.getAttribute('href')));
    let shown = false;
    for (const href of people.filter((h) => /^\/people\/\d+$/.test(h))) {
      await visit(page, `${app.url}${href}`);
      await clickAndWait(page, page.locator('main a', { hasText: 'See the skills profile' }));
      if (await page.locator('#profile-competences').count()) {
        shown = true;
        break;
      }
    }
    assert.ok(shown, 'one of the manager\'s people has a profile to show');
    await checkA11y(page, 'a managed person\'s profile');
    if (process.env.VIEWS_SCREENSHOTS) await saveArtifacts(page, 'views-profile');
  });
  await withPage(browser, 'views-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await clickAndWait(page, page.locator('main a', { hasText: 'See your skills profile' }));
    assert.match(pathOf(page), /^\/people\/\d+\/profile$/);
    await checkA11y(page, 'your own profile');
  });
});
