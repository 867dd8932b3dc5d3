// Crawls the app as admin, manager and learner: every same-origin link found
// in <nav> and <main> must answer 200 and pass axe-core. All problems are
// collected and reported once per role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_ACCOUNTS,
  startSkillgym,
  launchBrowser,
  withPage,
  signIn,
  a11yProblems,
  saveArtifacts,
} from './lib.mjs';

const MAX_PAGES = 60;
const ROLES = ['admin', 'manager', 'learner'];

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

/** Whether a link (absolute URL) should be crawled. */
function crawlable(href, origin) {
  let u;
  try {
    u = new URL(href);
  } catch {
    return false;
  }
  if (u.origin !== origin) return false;
  const p = u.pathname;
  if (p === '/sign-out' || p.startsWith('/sign-out/')) return false;
  if (p.startsWith('/assets/')) return false;
  if (p.toLowerCase().endsWith('.csv')) return false;
  return true;
}

/** The URL without its fragment, used as the key of a visited page. */
function normalise(href) {
  const u = new URL(href);
  u.hash = '';
  return u.href;
}

for (const role of ROLES) {
  test(`as ${role}, every page linked from <nav> and <main> answers 200 and passes axe`, { timeout: 600_000 }, async () => {
    await withPage(browser, `crawl-${role}`, async (page) => {
      await signIn(page, app.url, DEMO_ACCOUNTS[role]);
      const origin = new URL(app.url).origin;
      const start = normalise(page.url());
      const queue = [start];
      const seen = new Set([start]);
      const foundOn = new Map([[start, '(home page after signing in)']]);
      const problems = [];
      let visited = 0;

      while (queue.length && visited < MAX_PAGES) {
        const url = queue.shift();
        visited += 1;
        let response;
        try {
          response = await page.goto(url, { waitUntil: 'load' });
        } catch (err) {
          problems.push(`${url} (linked from ${foundOn.get(url)}): could not load: ${err.message.split('\n')[0]}`);
          continue;
        }
        const status = response ? response.status() : 0;
        const finalPath = new URL(page.url()).pathname;
        if (status !== 200) {
          problems.push(`${url} (linked from ${foundOn.get(url)}): answered ${status}`);
          await saveArtifacts(page, `crawl-${role}-${new URL(url).pathname}`);
          continue;
        }
        if (finalPath === '/sign-in' && new URL(url).pathname !== '/sign-in') {
          problems.push(`${url} (linked from ${foundOn.get(url)}): sent a signed-in ${role} to /sign-in`);
          continue;
        }
        const type = (response.headers()['content-type'] || '').toLowerCase();
        if (!type.startsWith('text/html')) continue; // a download or image: 200 is all we check

        const a11y = await a11yProblems(page);
        if (a11y) {
          problems.push(`${url}:\n${a11y}`);
          await saveArtifacts(page, `crawl-${role}-${new URL(url).pathname}`);
        }

        const links = await page
          .locator('nav a[href], main a[href]')
          .evaluateAll((as) => as.map((a) => a.href));
        for (const href of links) {
          if (!crawlable(href, origin)) continue;
          const key = normalise(href);
          if (seen.has(key)) continue;
          seen.add(key);
          foundOn.set(key, url);
          queue.push(key);
        }
      }

      console.log(`${role}: visited ${visited} page(s), ${queue.length} more link(s) not visited (limit ${MAX_PAGES})`);
      assert.ok(visited > 1, `the ${role} home page links to no other page in <nav> or <main>`);
      if (problems.length) {
        assert.fail(`${problems.length} problem(s) while crawling as ${role}:\n\n${problems.join('\n\n')}`);
      }
    });
  });
}
