// Staff import (admins only): a valid file that leaves people out goes through the
// check page (radios; a ticked box to mark most people as left), then shows
// #import-summary; a bad file
// shows an error summary and a table of problems by line and field, and
// writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
} from './lib.mjs';

const HEADER =
  'employee_number,given_name,family_name,email,employment,job_role,job_family,contracted_hours,start_date,line_manager,team,sites';

// Two new people at the demo's central library (site code CEN).
const VALID_FILE = [
  HEADER,
  'E2E0001,Test,Importone,e2e.importone@afon.example,employee,Library Assistant,frontline,18.5,2024-01-15,,,CEN',
  'E2E0002,Test,Importtwo,e2e.importtwo@afon.example,employee,Library Assistant,frontline,37,2023-09-01,,,CEN',
].join('\n') + '\n';

// Line 2: a bad email. Line 3: an unknown site code. Line 4 is valid, but
// the file as a whole must be rejected, so it must not be written either.
const BAD_FILE = [
  HEADER,
  'E2E0101,Bad,Emailperson,not-an-email,employee,Library Assistant,frontline,18.5,2024-01-15,,,CEN',
  'E2E0102,Bad,Siteperson,e2e.badsite@afon.example,employee,Library Assistant,frontline,18.5,2024-01-15,,,NOPE',
  'E2E0103,Good,Neverwritten,e2e.neverwritten@afon.example,employee,Library Assistant,frontline,18.5,2024-01-15,,,CEN',
].join('\n') + '\n';

let app;
let browser;
let tmp;

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'skillgym-e2e-import-'));
  app = await startSkillgym();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const T = { timeout: 120_000 };

/** Signs in as admin, uploads `contents` on /import/staff, returns the response. */
async function upload(page, name, contents) {
  const file = path.join(tmp, name);
  writeFileSync(file, contents);
  await signIn(page, app.url, DEMO_ACCOUNTS.admin);
  await visit(page, `${app.url}/import/staff`);
  const input = page.locator('input[type="file"][name="staff_file"]');
  assert.equal(await input.count(), 1, 'an input[type=file][name=staff_file]');
  await checkA11y(page, 'import page');
  await input.setInputFiles(file);
  const form = page.locator('form:has(input[name="staff_file"])');
  return clickAndWait(page, form.locator('button[type="submit"], input[type="submit"]').first());
}

test('a valid staff file is checked, asked about, imported and summarised', T, async () => {
  await withPage(browser, 'import-valid', async (page) => {
    const res = await upload(page, 'valid.csv', VALID_FILE);
    assert.equal(res?.status(), 200, `the upload answered ${res?.status()}`);
    // The file leaves out everyone in the demo: the check page lists them and asks.
    assert.ok(await page.locator('#absent-people').isVisible(), 'the people not in the file are listed');
    assert.equal(await page.locator('input[type="radio"][name="absent"]').count(), 2, 'two radios');
    assert.ok(await page.locator('#absent-keep').isChecked(), 'leaving them as they are is the default');
    assert.ok(await page.locator('#absent-most').isVisible(), 'more than half: a warning');
    await checkA11y(page, 'import check page');

    // Marking them without ticking the box is refused, with an error summary.
    await page.locator('#absent-left').check();
    const refused = await clickAndWait(page, page.locator('form[action^="/import/staff/"] button[type="submit"]'));
    assert.equal(refused?.status(), 422, `unconfirmed: ${refused?.status()}`);
    await assertErrorSummary(page);
    await checkA11y(page, 'import check page with an error');

    await page.locator('#absent-keep').check();
    const done = await clickAndWait(page, page.locator('form[action^="/import/staff/"] button[type="submit"]'));
    assert.equal(done?.status(), 200, `the import answered ${done?.status()}`);
    const summary = page.locator('#import-summary');
    assert.ok(await summary.isVisible(), '#import-summary is shown');
    assert.ok(await page.locator('#import-absent-kept').isVisible(), 'the people kept are counted');
    assert.equal(await page.locator('.error-summary').count(), 0, 'no error summary for a valid file');
    await checkA11y(page, 'import summary');
  });
});

test('a bad staff file lists each problem by line and field', T, async () => {
  await withPage(browser, 'import-bad', async (page) => {
    const res = await upload(page, 'bad.csv', BAD_FILE);
    assert.ok(res && res.status() < 500, `the upload answered ${res?.status()}`);
    // The summary links to the file field (or to the table of problems).
    await assertErrorSummary(page, { alsoAccept: ['import-problems'] });
    assert.equal(await page.locator('#import-summary').count(), 0, 'no #import-summary for a rejected file');

    const table = page.locator('#import-problems');
    assert.ok(await table.isVisible(), '#import-problems is shown');
    const rows = await table.locator('tr').evaluateAll((trs) =>
      trs
        .filter((tr) => tr.querySelector('td'))
        .map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent.trim())),
    );
    const hasProblem = (line, field) =>
      rows.some(
        (cells) =>
          cells.some((c) => c === String(line)) &&
          cells.some((c) => c.toLowerCase().includes(field)),
      );
    const shown = rows.map((r) => r.join(' | ')).join('\n');
    assert.ok(hasProblem(2, 'email'), `line 2, field email is listed; rows:\n${shown}`);
    assert.ok(hasProblem(3, 'sites'), `line 3, field sites is listed; rows:\n${shown}`);
    assert.ok(!hasProblem(4, ''), `line 4 is valid and not listed; rows:\n${shown}`);
    await checkA11y(page, 'import problems');
  });
});

test('imported people can be found, and nothing of a rejected file is', T, async () => {
  await withPage(browser, 'import-people', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    // The valid import above ran first (tests in a file run in order).
    await visit(page, `${app.url}/people?q=E2E0001`);
    assert.match(await page.locator('main').innerText(), /Importone/, 'E2E0001 was imported');
    await visit(page, `${app.url}/people?q=E2E0103`);
    assert.doesNotMatch(
      await page.locator('main').innerText(),
      /Neverwritten/,
      'no row of a rejected file is written',
    );
  });
});
