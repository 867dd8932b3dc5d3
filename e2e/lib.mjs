// Helpers shared by the end-to-end tests (run with `node --test e2e/`).
//
// - startSkillgym(): runs `$SKILLGYM_BIN demo` on a free port with a fresh
//   data directory and returns { url, stop() }.
// - launchBrowser(): Debian's Chromium through playwright-core (never a
//   browser downloaded by a test tool).
// - withPage(browser, name, fn): a fresh browser context and page; on failure
//   saves a screenshot and the HTML to e2e/artifacts/.
// - signIn(page, url, email): signs in with the demo password.
// - checkA11y(page): axe-core (WCAG 2.0/2.1/2.2 A and AA) plus <html lang>.

import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = path.resolve(here, '..');
export const ARTIFACTS_DIR = path.join(here, 'artifacts');
export const DEMO_PASSWORD = 'skillgym-demo';
export const DEMO_ACCOUNTS = {
  admin: 'admin@afon.example',
  manager: 'manager@afon.example',
  learner: 'learner@afon.example',
  champion: 'champion@afon.example',
  trainer: 'trainer@afon.example',
};
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const START_TIMEOUT_MS = 60_000;
const URL_PATTERN = /http:\/\/127\.0\.0\.1:(\d+)/;
const KEEP_OUTPUT_CHARS = 20_000;

// Every process started here, so that none outlives the test file even when
// a test crashes before its `after` hook runs.
const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

function skillgymBin() {
  const bin = process.env.SKILLGYM_BIN || 'target/debug/skillgym';
  return path.resolve(REPO_ROOT, bin);
}

/**
 * Starts `skillgym demo` on 127.0.0.1 with a free port and a fresh temporary
 * data directory. Resolves when the first `http://127.0.0.1:<port>` appears
 * on its output (stdout is the contract; stderr is watched too).
 * @returns {Promise<{url: string, dataDir: string, output: () => string, stop: () => Promise<void>}>}
 */
export async function startSkillgym({ extraArgs = [], env = {} } = {}) {
  const bin = skillgymBin();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'skillgym-e2e-'));
  const args = ['demo', '--bind', '127.0.0.1:0', '--data-dir', dataDir, ...extraArgs];
  const child = spawn(bin, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, SKILLGYM_LOG: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);

  let stdout = '';
  let stderr = '';
  const keep = (s) => (s.length > KEEP_OUTPUT_CHARS ? s.slice(-KEEP_OUTPUT_CHARS) : s);
  const output = () =>
    `command: ${bin} ${args.join(' ')}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;

  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  let url;
  try {
    url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`skillgym did not print its address within ${START_TIMEOUT_MS / 1000} s\n${output()}`));
      }, START_TIMEOUT_MS);
      const look = () => {
        const m = URL_PATTERN.exec(stdout) || URL_PATTERN.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${m[1]}`);
        }
      };
      // Keep reading both pipes for the life of the process, so that the
      // server never blocks on a full pipe.
      child.stdout.setEncoding('utf8').on('data', (d) => {
        stdout = keep(stdout + d);
        look();
      });
      child.stderr.setEncoding('utf8').on('data', (d) => {
        stderr = keep(stderr + d);
        look();
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`could not start ${bin}: ${err.message}\n` +
          'Build it first (cargo build -p skillgym) or set SKILLGYM_BIN.'));
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`skillgym exited (code ${code}, signal ${signal}) before printing its address\n${output()}`));
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  return { url, dataDir, output, stop };
}

/** Launches Debian's Chromium (headless) through playwright-core. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

function safeName(name) {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
}

/**
 * Runs fn(page) in a fresh browser context (its own cookies). If fn throws,
 * saves e2e/artifacts/<name>.png and .html before rethrowing.
 */
export async function withPage(browser, name, fn) {
  const context = await browser.newContext({
    locale: 'en-GB',
    // skillgym's pages allow no script at all (CSP); the test injects axe-core regardless.
    bypassCSP: true, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  try {
    return await fn(page);
  } catch (err) {
    await saveArtifacts(page, name);
    throw err;
  } finally {
    await context.close();
  }
}

/** Saves a full-page screenshot and the HTML of the page to e2e/artifacts/. */
export async function saveArtifacts(page, name) {
  try {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const base = path.join(ARTIFACTS_DIR, safeName(name));
    await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 10_000 });
    writeFileSync(`${base}.html`, `<!-- ${page.url()} -->\n${await page.content()}`);
    console.error(`saved ${path.relative(REPO_ROOT, base)}.png and .html (page was ${page.url()})`);
  } catch (e) {
    console.error(`could not save artifacts for ${name}: ${e.message}`);
  }
}

/** The path of the page's current URL, e.g. "/sign-in". */
export function pathOf(page) {
  return new URL(page.url()).pathname;
}

/**
 * Clicks an element that submits a form (or follows a link) and waits for
 * the resulting page to load. Returns the main document's response.
 */
export async function clickAndWait(page, locator) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    locator.click(),
  ]);
  return response;
}

/** Goes to url and asserts the response is 200. */
export async function visit(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), 200, `GET ${url} answered ${response.status()}`);
  return response;
}

/** Fills and submits the sign-in form; does not check the outcome. */
export async function submitSignIn(page, url, email, password) {
  await visit(page, `${url}/sign-in`);
  const form = page.locator('form:has(input[name="password"])');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  return clickAndWait(page, form.locator('button[type="submit"]'));
}

/** Signs in with the demo password and asserts it left /sign-in. */
export async function signIn(page, url, email) {
  await submitSignIn(page, url, email, DEMO_PASSWORD);
  if (pathOf(page) === '/sign-in') {
    const summary = await page.locator('.error-summary').allInnerTexts().catch(() => []);
    assert.fail(`signing in as ${email} stayed on /sign-in${summary.length ? `: ${summary.join(' ')}` : ''}`);
  }
}

/** Runs axe-core (WCAG A/AA tags) on the page; returns its violations. */
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) {
    await page.addScriptTag({ path: require.resolve('axe-core') });
  }
  const results = await page.evaluate((tags) => window.axe.run({ runOnly: tags }), AXE_TAGS);
  return results.violations;
}

/** Formats axe violations: one line per violation, then its nodes. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      - ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
        .join('\n');
      return `  * ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** The value of <html lang>. */
export async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

/**
 * Problems with the page's accessibility: axe violations plus a missing or
 * unexpected <html lang> (must be "en" or "cy"). Empty string when none.
 */
export async function a11yProblems(page) {
  const problems = [];
  const lang = await htmlLang(page);
  if (lang !== 'en' && lang !== 'cy') {
    problems.push(`  * <html lang> is ${JSON.stringify(lang)}, expected "en" or "cy"`);
  }
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(violations));
  return problems.join('\n');
}

/** Fails the test if the page has accessibility problems. */
export async function checkA11y(page, label = '') {
  const problems = await a11yProblems(page);
  if (problems) {
    assert.fail(`accessibility problems on ${label ? `${label} ` : ''}${page.url()}:\n${problems}`);
  }
}

/**
 * Asserts the page shows a visible .error-summary with role="alert" or a
 * heading, linking (href="#id") to at least one field on the page (or to
 * one of the element ids in `alsoAccept`).
 */
export async function assertErrorSummary(page, { alsoAccept = [] } = {}) {
  const summary = page.locator('.error-summary').first();
  assert.equal(await summary.count(), 1, 'an .error-summary is shown');
  assert.ok(await summary.isVisible(), 'the .error-summary is visible');
  const role = await summary.getAttribute('role');
  const headings = await summary.locator('h1, h2, h3, h4, [role="heading"]').count();
  assert.ok(role === 'alert' || headings > 0, '.error-summary has role="alert" or a heading');
  // At least one link to a field that exists on the page.
  const targets = await summary.locator('a[href^="#"]').evaluateAll((links) =>
    links.map((a) => {
      const id = decodeURIComponent(a.getAttribute('href').slice(1));
      const el = document.getElementById(id);
      return el ? { id, tag: el.tagName.toLowerCase() } : { id, tag: null };
    }),
  );
  const fields = ['input', 'select', 'textarea', 'fieldset'];
  assert.ok(
    targets.some((t) => fields.includes(t.tag) || (t.tag && alsoAccept.includes(t.id))),
    `the error summary links to a field (links point at: ${JSON.stringify(targets)})`,
  );
}

/** Answers the section on screen: the first option of every radio group, and 2 in numbers. */
export async function answerSection(page) {
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
