// The knowledge round in a real browser. A picture whose text matters (the demo's phishing
// email) is shown legibly at desktop and phone widths, in English and in Welsh (the Welsh
// drawing for Welsh readers), never larger than it was drawn, with a link that opens the picture
// on its own. Each person sees the options in an order of their own, the same on every visit.
// Every page is checked with axe; screenshots go to e2e/artifacts/quiz-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  ARTIFACTS_DIR,
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

// The phishing drawing's smallest text, in its own pixels (it is drawn at 480 px wide).
const SMALLEST_TEXT_PX = 17;
// The smallest text a person should have to read, in CSS pixels.
const LEGIBLE_PX = 12;

/** Starts the demo audit and returns its path (/audits/N). */
async function startAudit(page) {
  await visit(page, `${app.url}/audits`);
  await clickAndWait(page, page.locator('main a[href^="/audits/"]').first());
  const auditPath = pathOf(page);
  await clickAndWait(page, page.locator('main form button[type="submit"]'));
  return auditPath;
}

/** Goes through the sections (without saving) to the one that shows `picture`; returns its path. */
async function sectionShowing(page, auditPath, picture) {
  for (let n = 1; n < 40; n += 1) {
    const response = await page.goto(`${app.url}${auditPath}/section/${n}`, { waitUntil: 'load' });
    assert.equal(response.status(), 200, `section ${n} of the audit`);
    if (await page.locator(`main img.quiz-picture[src$="/${picture}"]`).count()) {
      return pathOf(page);
    }
  }
  assert.fail(`no section shows ${picture}`);
}

/** Each quiz question's options as the page lists them: { 'quiz-12': ['label', …], … }. */
async function optionOrders(page) {
  return page.$$eval('main fieldset[id^="quiz-"]', (sets) =>
    Object.fromEntries(
      sets.map((set) => [set.id, [...set.querySelectorAll('label')].map((l) => l.textContent.trim())]),
    ),
  );
}

async function screenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * At 1,280 and 390 px: the picture is never shown larger than drawn, fills what room it has up
 * to that, its smallest text stays legible, nothing overflows the screen, and axe passes. Saves
 * a screenshot of the page and of the picture's question.
 */
async function checkPictureAtEachWidth(page, img, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const shown = await img.evaluate((el) => ({
      natural: el.naturalWidth,
      rendered: el.getBoundingClientRect().width,
      room: el.closest('main').clientWidth,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }));
    const label = `${name} at ${width} px`;
    assert.ok(shown.natural >= 480, `${label}: drawn at least 480 px wide (${shown.natural})`);
    assert.ok(shown.rendered <= shown.natural + 0.5, `${label}: never shown larger than drawn`);
    const smallest = (SMALLEST_TEXT_PX * shown.rendered) / shown.natural;
    assert.ok(
      smallest >= LEGIBLE_PX,
      `${label}: its smallest text is ${smallest.toFixed(1)} px (shown ${shown.rendered} px wide in ${shown.room})`,
    );
    assert.ok(shown.overflow <= 0, `${label}: nothing wider than the screen`);
    await img.scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-${width}`);
    await img.locator('xpath=ancestor::*[self::fieldset or self::div[contains(@class, "quiz-figure")]][1]').screenshot({
      path: path.join(ARTIFACTS_DIR, `${name}-${width}-picture.png`),
    });
    await checkA11y(page, label);
  }
}

test('a picture with text is legible at any width, opens on its own, and is Welsh for Welsh readers', async () => {
  await withPage(browser, 'quiz-picture', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    const auditPath = await startAudit(page);
    const sectionPath = await sectionShowing(page, auditPath, 'phishing.svg');
    for (const lang of ['en', 'cy']) {
      if (lang === 'cy') {
        await clickAndWait(page, page.locator('form[action="/language"] button'));
        assert.equal(pathOf(page), sectionPath, 'the language changes on the same page');
      }
      const picture = lang === 'cy' ? 'phishing-cy.svg' : 'phishing.svg';
      const img = page.locator(`main img.quiz-picture[src$="/${picture}"]`);
      assert.equal(await img.count(), 1, `${lang}: the page shows ${picture}`);
      await checkPictureAtEachWidth(page, img, `quiz-picture-${lang}`);
      // The link under the picture opens the picture itself, full size.
      const link = page.locator(`main a.picture-link[href$="/${picture}"]`);
      assert.equal(await link.count(), 1, `${lang}: a link to the picture on its own`);
      assert.match(
        await link.innerText(),
        lang === 'cy' ? /Agor y llun ar ei ben ei hun, maint llawn/ : /Open the picture on its own, full size/,
      );
      const response = await clickAndWait(page, link);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'image/svg+xml');
      assert.ok(pathOf(page).endsWith(`/${picture}`));
      await page.goBack({ waitUntil: 'load' });
      assert.equal(pathOf(page), sectionPath);
    }
  });
});

test('each person sees the options in an order of their own, the same on every visit', async () => {
  const seen = {};
  for (const who of ['champion', 'trainer']) {
    await withPage(browser, `quiz-order-${who}`, async (page) => {
      await signIn(page, app.url, DEMO_ACCOUNTS[who]);
      const auditPath = await startAudit(page);
      const sectionPath = await sectionShowing(page, auditPath, 'phishing.svg');
      const orders = await optionOrders(page);
      assert.ok(Object.keys(orders).length >= 2, 'a page of several questions');
      await page.reload({ waitUntil: 'load' });
      assert.deepEqual(await optionOrders(page), orders, 'the same order on reloading');
      // Answer with the first option shown, save, and come back through "Change".
      const names = await page.$$eval('main form input[name^="quiz-"]', (inputs) =>
        [...new Set(inputs.map((i) => i.name))],
      );
      const chosen = {};
      for (const name of names) {
        const first = page.locator(`main form input[name="${name}"]`).first();
        await first.check();
        chosen[name] = await first.getAttribute('value');
      }
      await clickAndWait(page, page.locator('main form button[type="submit"]'));
      await visit(page, `${app.url}${auditPath}/check`);
      await checkA11y(page, 'check your answers');
      await clickAndWait(page, page.locator(`main a[href="${sectionPath}"]`).first());
      assert.equal(pathOf(page), sectionPath);
      assert.deepEqual(await optionOrders(page), orders, 'the same order after saving');
      for (const [name, value] of Object.entries(chosen)) {
        assert.ok(
          await page.locator(`main form input[name="${name}"][value="${value}"]`).isChecked(),
          `${name}: the answer given is ticked, where it was`,
        );
      }
      await checkA11y(page, 'picture question, answered');
      seen[who] = orders;
    });
  }
  const differs = Object.keys(seen.champion).filter(
    (q) => JSON.stringify(seen.champion[q]) !== JSON.stringify(seen.trainer[q]),
  );
  assert.ok(differs.length > 0, `two people see some question's options in different orders: ${JSON.stringify(seen)}`);
});

test('check your answers and the results show the picture as legibly, with its link', async () => {
  await withPage(browser, 'quiz-picture-after', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.manager);
    await startAudit(page);
    for (let guard = 0; /\/section\/\d+$/.test(pathOf(page)) && guard < 40; guard += 1) {
      const names = await page.$$eval('main form input[type="radio"], main form input[type="checkbox"]', (inputs) =>
        [...new Set(inputs.map((i) => i.name))],
      );
      for (const name of names) {
        await page.locator(`main form input[name="${name}"]`).first().check();
      }
      for (const input of await page.locator('main form input[inputmode="numeric"]').all()) {
        await input.fill('2');
      }
      await clickAndWait(page, page.locator('main form button[type="submit"]'));
    }
    assert.match(pathOf(page), /\/check$/);
    for (const step of ['check', 'results']) {
      if (step === 'results') {
        await page.setViewportSize({ width: 1280, height: 900 });
        await clickAndWait(page, page.locator('main form button[type="submit"]'));
        assert.match(pathOf(page), /\/results$/);
      }
      const img = page.locator('main img.quiz-picture[src$="/phishing.svg"]');
      assert.equal(await img.count(), 1, `${step}: the phishing email is shown`);
      const src = await img.getAttribute('src');
      assert.equal(await page.locator(`main a.picture-link[href="${src}"]`).count(), 1, `${step}: with its link`);
      await checkPictureAtEachWidth(page, img, `quiz-${step}`);
    }
  });
});
