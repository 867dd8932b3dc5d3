// Every chart in a real browser, on a desktop (1280 px) and a phone (390 px), in English and
// Welsh: each text in a chart that is shown renders at 14 px or more (its computed size times
// the scale its SVG is drawn at), lies inside its SVG's box (nothing clipped), and the chart
// fits the width of the window (the phone gets the narrow form, not a shrunken wide one).
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
  AXE_TAGS,
  formatViolations,
  ARTIFACTS_DIR,
} from './lib.mjs';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

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

const WIDTHS = [1280, 390];

/** Problems with the charts on the page as it is shown, and how many texts were checked. */
async function chartProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    let texts = 0;
    let shown = 0;
    const width = document.documentElement.clientWidth;
    for (const svg of document.querySelectorAll('.chart svg')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // the other form, not shown here
      shown += 1;
      const viewBox = svg.viewBox.baseVal;
      const scale = viewBox && viewBox.width ? box.width / viewBox.width : 1;
      const name = svg.getAttribute('class') || 'svg';
      if (box.right > width + 0.5) {
        problems.push(`${name} is ${Math.round(box.width)} px wide, past the window's ${width} px`);
      }
      for (const t of svg.querySelectorAll('text')) {
        texts += 1;
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        const r = t.getBoundingClientRect();
        const what = `"${t.textContent}" in ${name}`;
        if (size < 14 - 0.01) problems.push(`${what} is ${size.toFixed(2)} px`);
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 ||
            r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
          problems.push(`${what} is clipped: text ${[r.left, r.top, r.right, r.bottom].map(Math.round)}, ` +
            `svg ${[box.left, box.top, box.right, box.bottom].map(Math.round)}`);
        }
      }
    }
    return { problems, texts, shown };
  });
}

/**
 * axe-core's WCAG A/AA violations within the charts only (wide tables elsewhere on the page
 * are another test's business).
 */
async function chartViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: require.resolve('axe-core') });
  }
  const results = await page.evaluate(
    (tags) => window.axe.run({ include: [['figure.chart']] }, { runOnly: tags }),
    AXE_TAGS,
  );
  return formatViolations(results.violations);
}

/** Switches the session's language to `lang` with the button in the header. */
async function useLanguage(page, lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await clickAndWait(page, page.locator(`header form[action="/language"] button[lang="${lang}"]`));
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
}

/** Checks every page at both widths in both languages. */
async function checkPages(page, name, paths) {
  for (const lang of ['en', 'cy']) {
    await visit(page, `${app.url}${paths[0]}`);
    await useLanguage(page, lang);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        await visit(page, `${app.url}${path}`);
        const { problems, texts, shown } = await chartProblems(page);
        if (process.env.CHARTS_SCREENSHOTS) {
          const figures = await page.locator('figure.chart').all();
          for (const [i, figure] of figures.entries()) {
            mkdirSync(ARTIFACTS_DIR, { recursive: true });
            await figure.screenshot({
              path: `${ARTIFACTS_DIR}/charts-${name}${path.replace(/\W+/g, '-')}-${i}-${lang}-${width}.png`,
            });
          }
        }
        assert.ok(shown > 0, `${path} (${lang}, ${width} px) shows a chart`);
        assert.ok(texts > 0, `${path} (${lang}, ${width} px) has labelled charts`);
        assert.deepEqual(problems, [], `${path} in ${lang} at ${width} px`);
        if (width === 390) {
          const violations = await chartViolations(page);
          assert.equal(violations, '', `axe on the charts of ${path} in ${lang} at ${width} px`);
        }
      }
    }
  }
}

test('an admin\'s report, comparison, calibration and change charts are legible at any width', { timeout: 600_000 }, async () => {
  await withPage(browser, 'charts-admin', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/campaigns`);
    const hrefs = await page.$$eval('main a[href^="/campaigns/"]', (as) => as.map((a) => a.getAttribute('href')));
    const ids = hrefs.map((h) => h.match(/^\/campaigns\/(\d+)$/)).filter(Boolean).map((m) => Number(m[1]));
    const id = Math.max(...ids);
    const paths = [`/campaigns/${id}/report`, `/campaigns/${id}/compare`, `/campaigns/${id}/change`];
    await visit(page, `${app.url}/campaigns/${id}/calibration`);
    if (await page.locator('#calibration-table').count()) paths.push(`/campaigns/${id}/calibration`);
    await checkPages(page, 'admin', paths);
    // The heat map marks its hidden cells and explains them in its key.
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(page, `${app.url}/campaigns/${id}/report`);
    await useLanguage(page, 'en');
    assert.ok(await page.locator('svg.heat-map.chart-wide .heat-hidden').count() > 0, 'hidden cells are drawn as such');
    assert.ok(await page.locator('.heat-key', { hasText: 'Hidden, to keep people anonymous' }).isVisible());
  });
});

test('a profile\'s and a person\'s results charts are legible at any width', { timeout: 600_000 }, async () => {
  await withPage(browser, 'charts-manager', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.manager);
    const paths = [];
    // A profile the manager may open, of one of their people who has answered.
    await visit(page, `${app.url}/team`);
    const people = await page.$$eval('main a[href^="/people/"]', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of people.filter((h) => /^\/people\/\d+$/.test(h))) {
      await visit(page, `${app.url}${href}/profile`);
      if (await page.locator('#profile-competences').count()) {
        paths.push(`${href}/profile`);
        break;
      }
    }
    assert.equal(paths.length, 1, 'one of the manager\'s people has a profile to show');
    // The manager's own results of the campaign they answered, whichever it is.
    for (let id = 1; id <= 6; id += 1) {
      const response = await page.request.get(`${app.url}/audits/${id}/results`);
      if (response.status() === 200) {
        paths.push(`/audits/${id}/results`);
        break;
      }
    }
    await checkPages(page, 'manager', paths);
  });
});
