// The services catalogue in a real browser: a learner finds a service from the menu, opens it
// and says how confident they are helping with it (an empty answer shows an error summary);
// an administrator imports a services file with a mistake, reads where it is, then imports
// the corrected file; an administrator opens an audit that asks about services (refused while
// anonymous, with an error summary), and a learner answers them on its last page, checks and
// submits, and finds the answer on the service's page. Each page passes axe.
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

test('a learner finds a service and says how confident they are', { timeout: 180_000 }, async () => {
  await withPage(browser, 'services-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await clickAndWait(page, page.locator('nav.nav a[href="/services"]'));
    assert.equal(pathOf(page), '/services');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `services at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('#q').fill('blue badge');
    await clickAndWait(page, page.locator('main form[role="search"] button[type="submit"]'));
    const found = await page.$$eval('main section.activity h3 a', (as) => as.map((a) => a.textContent));
    assert.deepEqual(found, ['Applying for or renewing a blue badge']);
    await checkA11y(page, 'services search results');
    await clickAndWait(page, page.locator('main section.activity h3 a').first());
    assert.match(pathOf(page), /^\/services\/\d+$/);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `a service at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const save = page.locator('main form[action$="/confidence"] button[type="submit"]').first();
    // Nothing chosen: an error summary.
    await clickAndWait(page, save);
    assert.ok(await page.locator('.error-summary').isVisible());
    await checkA11y(page, 'a service with an error');
    await page.locator('#confidence-4').check();
    await clickAndWait(page, page.locator('main form[action$="/confidence"] button[type="submit"]').first());
    const main = await page.locator('main').innerText();
    assert.match(main, /Saved: thank you/);
    assert.match(main, /You said: I can help people with it confidently/);
    assert.ok(await page.locator('#confidence-4').isChecked());
    await checkA11y(page, 'a service after answering');
  });
});

const HEADER = 'code,name,run_by,url,competences,checked_on\n';

test('an administrator imports a services file, corrects a mistake and imports it again', { timeout: 180_000 }, async () => {
  await withPage(browser, 'services-admin', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/services`);
    await clickAndWait(page, page.locator('main a[href="/services/import"]'));
    await checkA11y(page, 'services import');
    const upload = async (text) => {
      await page.locator('#services_file').setInputFiles({
        name: 'services.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
      await clickAndWait(page, page.locator('main form button[type="submit"]'));
    };
    await upload(`${HEADER}PASSPORT,Renewing a passport,HM Passport Office,www.gov.uk/renew-adult-passport,TRANSACT-1,2026-01-05\n`);
    assert.ok(await page.locator('.error-summary').isVisible());
    const problems = await page.locator('#import-problems').innerText();
    assert.match(problems, /line 2/);
    assert.match(problems, /url/);
    await checkA11y(page, 'services import with a mistake');
    await upload(`${HEADER}PASSPORT,Renewing a passport,HM Passport Office,https://www.gov.uk/renew-adult-passport,TRANSACT-1,2026-01-05\n`);
    assert.equal(pathOf(page), '/services');
    assert.match(await page.locator('main').innerText(), /1 added and 0 changed/);
    assert.ok(await page.locator('main a', { hasText: 'Renewing a passport' }).count());
    await checkA11y(page, 'services after the import');
    await visit(page, `${app.url}/services/gaps`);
    await checkA11y(page, 'gaps by library');
  });
});

test('an administrator asks about services in an audit, and a learner answers them there', { timeout: 240_000 }, async () => {
  let campaignPath;
  let serviceId;
  await withPage(browser, 'services-audit-admin', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/campaigns/new`);
    await checkA11y(page, 'new campaign with services');
    await page.locator('#title_en').fill('Helping with online services');
    await page.locator('main input[name="area"]').first().check();
    await page.locator('#standard').uncheck();
    const services = page.locator('main input[name="service"]');
    await services.nth(0).check();
    await services.nth(1).check();
    serviceId = await services.nth(0).getAttribute('value');
    // Anonymous and asking about services: refused, with the reason in the error summary.
    await page.locator('#anonymous-yes').check();
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.equal(pathOf(page), '/campaigns/new');
    await assertErrorSummary(page);
    assert.match(await page.locator('.error-summary').innerText(), /An anonymous audit cannot ask about services/);
    await checkA11y(page, 'anonymous campaign asking about services');
    await page.locator('#anonymous-no').check();
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.match(pathOf(page), /^\/campaigns\/\d+$/);
    campaignPath = pathOf(page);
    await clickAndWait(page, page.locator(`main a[href="${campaignPath}/services"]`));
    assert.ok(await page.locator(`#service-${serviceId}`).isChecked());
    await checkA11y(page, 'the services a campaign asks about');
  });

  const auditPath = campaignPath.replace('/campaigns/', '/audits/');
  await withPage(browser, 'services-audit-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await visit(page, `${app.url}${auditPath}`);
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    let guard = 0;
    let servicesPage = false;
    while (/\/section\/\d+$/.test(pathOf(page)) && guard < 20) {
      if ((await page.locator('main h1').innerText()).includes('Services you help people with')) {
        servicesPage = true;
        // Nothing chosen: the error summary names each question.
        await clickAndWait(page, page.locator('main form button[type="submit"]'));
        await assertErrorSummary(page);
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await checkA11y(page, `services in an audit, with errors, at ${width} px`);
        }
        await page.setViewportSize({ width: 1280, height: 900 });
        for (const name of await page.$$eval('main form input[type="radio"]', (inputs) => [...new Set(inputs.map((i) => i.name))])) {
          await page.locator(`main form input[name="${name}"][value="not-sure"]`).check();
        }
        await page.locator(`#service-${serviceId}-5`).check();
        await clickAndWait(page, page.locator('main form button[type="submit"]'));
      } else {
        await answerSection(page);
      }
      guard += 1;
    }
    assert.ok(servicesPage, 'the audit asks about services');
    assert.match(pathOf(page), /\/check$/);
    const check = await page.locator('main').innerText();
    assert.match(check, /Services you help people with/);
    assert.match(check, /5 – I could show colleagues how to help/);
    await checkA11y(page, 'check your answers with services');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.match(pathOf(page), /\/results$/);
    await visit(page, `${app.url}/services/${serviceId}`);
    assert.match(await page.locator('main').innerText(), /You said: I could show colleagues how to help/);
  });
});
