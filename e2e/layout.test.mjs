// Layout in a real browser. Every page each demo role can reach (the links in the header,
// navigation and main content, followed from the home page, plus every campaign's report,
// comparison, calibration, change, free-text answers and print-ready pages and a person's
// profile) is checked at 1,280 px and 390 px wide, in English and in Welsh. A page fails when
//   - text overflows its box, or is clipped by a box that hides its overflow;
//   - something is wider than the window outside a box that scrolls (a wide table's region);
//   - visible text is under 12 px (SVG text counted at the size it is drawn: font size times
//     the SVG's rendered scale).
// Each failure names the page, the width, the language and the element. A full-page screenshot
// of every page is kept in e2e/artifacts/screens/<lang>-<width>/<page>.png (CI keeps
// e2e/artifacts).
//
// The print-ready report is printed to PDF by Chromium (A4, the page's own print stylesheet):
// its summary alone must fit on two pages, the detail must start on a new page, and no table
// may be wider than the paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  ARTIFACTS_DIR,
  DEMO_ACCOUNTS,
  startSkillgym,
  launchBrowser,
  signIn,
  clickAndWait,
} from './lib.mjs';

const ROLES = ['admin', 'manager', 'learner', 'champion', 'trainer'];
const LANGS = ['en', 'cy'];
const WIDTHS = [1280, 390];
const MIN_FONT_PX = 12;
/** At most this many pages per role (the crawl stops there). */
const MAX_PAGES = 80;
/** Pages whose content depends on who is looking: checked for every role. */
const PER_ROLE = new Set(['/', '/me', '/audits', '/team']);
/** A4 is 210 mm wide; the print stylesheet's margins are 12 mm each side. */
const A4_CONTENT_PX = Math.floor(((210 - 24) / 25.4) * 96);
/** The same on a landscape page, which the widest tables (in a .print-wide box) get. */
const A4_LANDSCAPE_CONTENT_PX = Math.floor(((297 - 24) / 25.4) * 96);
const SUMMARY_MAX_PAGES = 2;

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

async function newPage() {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: WIDTHS[0], height: 900 },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return { context, page: await context.newPage() };
}

/** Switches the signed-in person's language with the header's own button. */
async function useLanguage(page, lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current === lang) return;
  await clickAndWait(page, page.locator('form[action="/language"] button[type="submit"]'));
  const now = await page.evaluate(() => document.documentElement.lang);
  assert.equal(now, lang, `switching the language to ${lang}`);
}

/** Whether a link is a page to check (same origin, not a download or signing out). */
function checkable(href, origin) {
  let u;
  try {
    u = new URL(href);
  } catch {
    return false;
  }
  if (u.origin !== origin) return false;
  const p = u.pathname;
  return !(
    p === '/sign-out' ||
    p.startsWith('/assets/') ||
    /\.(csv|json|png|jpe?g|gif|svg|webp|pdf|zip)$/i.test(p)
  );
}

/**
 * The key a page is checked under: its path with numbers generalised (one person's page
 * stands for every person's), except for the pages added by name, which are kept whole.
 */
function keyOf(url, named) {
  const u = new URL(url);
  if (named.has(u.pathname)) return u.pathname;
  // Numbers, and framework codes such as SAFE-2, stand for any.
  return u.pathname.replace(/\/\d+(?=\/|$)/g, '/N').replace(/\/[A-Z][A-Z0-9]*(-[A-Z0-9]+)*(?=\/|$)/g, '/CODE');
}

/** A file name for the page's screenshot. */
function screenName(pathname, role) {
  const base = pathname === '/' ? 'home' : pathname.slice(1).replace(/[^A-Za-z0-9._-]+/g, '_');
  return PER_ROLE.has(pathname) ? `${base}--${role}` : base;
}

/**
 * Runs in the page: every layout problem, as text. SVG text problems are marked "[svg]" so a
 * report can tell them apart.
 */
function layoutProblems(minFont) {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const cls = typeof el.className === 'string' ? el.className.trim() : '';
    if (cls) s += `.${cls.split(/\s+/).join('.')}`;
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ');
    return text ? `${s} “${text.slice(0, 60)}${text.length > 60 ? '…' : ''}”` : s;
  };
  const scrolls = (cs) => cs.overflowX === 'auto' || cs.overflowX === 'scroll';
  const clips = (cs) => cs.overflowX === 'hidden' || cs.overflowX === 'clip';
  const hiddenOnPurpose = (el) => el.closest('.visually-hidden, .skip-link, [hidden], template, noscript');

  // The nearest box that scrolls sideways, if any.
  const scroller = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (scrolls(getComputedStyle(p))) return p;
    }
    return null;
  };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || seen.has(el)) continue;
    if (['SCRIPT', 'STYLE', 'OPTION', 'TITLE', 'TEXTAREA'].includes(el.tagName)) continue;
    if (hiddenOnPurpose(el)) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible' || Number(cs.opacity) === 0) continue;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) continue; // not rendered (a closed <details>, display: none)
    seen.add(el);
    const text = {
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
    const svg = el instanceof SVGElement ? el.ownerSVGElement || el : null;

    // Size: CSS pixels as drawn; in an SVG, times the SVG's scale.
    let size = parseFloat(cs.fontSize);
    if (svg && el.getScreenCTM) {
      const m = el.getScreenCTM();
      if (m) size *= Math.hypot(m.a, m.b);
    }
    if (size < minFont - 0.01) {
      problems.push(`${svg ? '[svg] ' : ''}text under ${minFont} px (${size.toFixed(1)} px): ${name(el)}`);
    }

    // Overflow: the text against its own box (the nearest box that is not inline), then
    // against every box around it that clips, then against the window.
    let box = el;
    while (box.parentElement && getComputedStyle(box).display === 'inline' && !(box instanceof SVGElement)) {
      box = box.parentElement;
    }
    if (svg) box = svg;
    const b = box.getBoundingClientRect();
    const bs = getComputedStyle(box);
    const padL = svg ? 0 : parseFloat(bs.borderLeftWidth);
    const padR = svg ? 0 : parseFloat(bs.borderRightWidth);
    if (!scrolls(bs) && (text.right > b.right - padR + 1 || text.left < b.left + padL - 1)) {
      const how = clips(bs) ? 'text clipped by its own box (overflow hidden)' : 'text overflows its box';
      problems.push(`${svg ? '[svg] ' : ''}${how} (${Math.round(text.right - text.left)} px of text in ${Math.round(b.width)} px): ${name(el)}`);
      continue;
    }
    for (let p = box.parentElement; p && p !== document.documentElement; p = p.parentElement) {
      const ps = getComputedStyle(p);
      if (!clips(ps) && !(ps.overflowY === 'hidden' || ps.overflowY === 'clip')) continue;
      const r = p.getBoundingClientRect();
      if (text.right > r.right + 1 || text.left < r.left - 1 || text.bottom > r.bottom + 1 || text.top < r.top - 1) {
        problems.push(`text clipped by ${name(p).split(' ')[0]} (overflow hidden): ${name(el)}`);
        break;
      }
    }
    if ((text.right > vw + 1 || text.left < -1) && !scroller(el)) {
      problems.push(`${svg ? '[svg] ' : ''}text beyond the window's width (${vw} px) outside a scrolling box: ${name(el)}`);
    }
  }

  // Boxes wider than the window outside a scrolling box: the innermost ones only.
  if (document.documentElement.scrollWidth > vw + 1) {
    const wide = [...document.body.querySelectorAll('*')].filter((el) => {
      if (hiddenOnPurpose(el)) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > vw + 1 && !scroller(el);
    });
    const innermost = wide.filter((el) => !wide.some((o) => o !== el && el.contains(o)));
    for (const el of innermost.slice(0, 5)) {
      problems.push(`wider than the window (right edge at ${Math.round(el.getBoundingClientRect().right)} px of ${vw}) outside a scrolling box: ${name(el)}`);
    }
    if (!innermost.length) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px of ${vw})`);
  }
  return problems;
}

// Chromium paints only the tab in front of its window: a full-page screenshot of a tab behind
// another (the admin's crawl shares one window between tabs) repeats its first screenful.
// Screenshots are taken one at a time, each tab brought to the front first.
let screenshots = Promise.resolve();
function screenshot(page, file) {
  const taken = screenshots.then(async () => {
    await page.bringToFront();
    await page.screenshot({ path: file, fullPage: true, timeout: 20_000 });
  });
  screenshots = taken.catch(() => {});
  return taken;
}

/** Checks the page at each width; returns problems, each naming where. */
async function checkPage(page, { lang, role, pathname }) {
  const problems = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const found = await page.evaluate(layoutProblems, MIN_FONT_PX);
    const dir = path.join(ARTIFACTS_DIR, 'screens', `${lang}-${width}`);
    mkdirSync(dir, { recursive: true });
    await screenshot(page, path.join(dir, `${screenName(pathname, role)}.png`));
    for (const p of found) problems.push({ where: `${pathname} at ${width} px in ${lang === 'en' ? 'English' : 'Welsh'} (as ${role})`, what: p });
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  return problems;
}

/** Pages added by name: every campaign's analysis pages and the first person's profile. */
async function namedPages(page, origin) {
  const named = [];
  const campaigns = await page.goto(`${origin}/campaigns`);
  if (campaigns && campaigns.status() === 200) {
    const ids = await page.locator('main a[href^="/campaigns/"]').evaluateAll((as) =>
      [...new Set(as.map((a) => /^\/campaigns\/(\d+)$/.exec(new URL(a.href).pathname)?.[1]).filter(Boolean))],
    );
    for (const id of ids) {
      for (const part of ['report', 'compare', 'calibration', 'change', 'answers', 'report/print']) {
        named.push(`/campaigns/${id}/${part}`);
      }
    }
  }
  const people = await page.goto(`${origin}/people`);
  if (people && people.status() === 200) {
    const first = await page.locator('main a[href^="/people/"]').evaluateAll((as) =>
      as.map((a) => new URL(a.href).pathname).find((p) => /^\/people\/\d+$/.test(p)),
    );
    if (first) named.push(`${first}/profile`);
  }
  return named;
}

// Which page keys have been checked, by language: a page is checked once (by the first role
// to reach it), except the pages that show each role something different.
const claimed = new Map(LANGS.map((l) => [l, new Set()]));

/** Pages that work through one role's queue side by side (the admin reaches most pages). */
const WORKERS = { admin: 3 };

async function checkRole(role) {
  const { context, page } = await newPage();
  const problems = [];
  let count = 0;
  const workers = [page];
  for (let i = 1; i < (WORKERS[role] || 1); i += 1) workers.push(await context.newPage());
  try {
    await signIn(page, app.url, DEMO_ACCOUNTS[role]);
    const origin = new URL(app.url).origin;
    const named = role === 'admin' ? await namedPages(page, origin) : [];
    const namedSet = new Set(named);
    // The crawl, in English; the pages it finds are then checked again in Welsh. The
    // language is the account's, so every page of the context sees the same one.
    const pages = [];
    for (const lang of LANGS) {
      await page.goto(`${origin}/`);
      await useLanguage(page, lang);
      const queue = lang === LANGS[0] ? [`${origin}/`, ...named.map((p) => origin + p)] : pages.slice();
      const queued = new Set(queue.map((u) => keyOf(u, namedSet)));
      let busy = 0;
      const work = async (tab) => {
        for (;;) {
          const url = queue.shift();
          if (!url) {
            if (busy === 0) return;
            await new Promise((r) => setTimeout(r, 50)); // another tab may still find links
            continue;
          }
          busy += 1;
          try {
            await visitAndCheck(tab, url);
          } finally {
            busy -= 1;
          }
        }
      };
      const visitAndCheck = async (tab, url) => {
        const pathname = new URL(url).pathname;
        const key = keyOf(url, namedSet);
        const claim = PER_ROLE.has(pathname) ? `${role} ${key}` : key;
        if (claimed.get(lang).has(claim)) return;
        claimed.get(lang).add(claim);
        let response;
        try {
          response = await tab.goto(url, { waitUntil: 'load' });
        } catch (err) {
          problems.push({ where: `${pathname} in ${lang}`, what: `could not load: ${err.message.split('\n')[0]}` });
          return;
        }
        if (!response || response.status() !== 200) return; // the crawl test reports those
        if (!(response.headers()['content-type'] || '').startsWith('text/html')) return;
        if (new URL(tab.url()).pathname === '/sign-in') return;
        if (lang === LANGS[0]) pages.push(url);
        count += 1;
        const links = lang === LANGS[0] && pages.length < MAX_PAGES
          ? await tab.locator('header a[href], nav a[href], main a[href]').evaluateAll((as) => as.map((a) => a.href))
          : [];
        for (const href of links) {
          if (!checkable(href, origin)) continue;
          const u = new URL(href);
          u.hash = '';
          u.search = '';
          const k = keyOf(u.href, namedSet);
          if (queued.has(k)) continue;
          queued.add(k);
          queue.push(u.href);
        }
        problems.push(...(await checkPage(tab, { lang, role, pathname })));
      };
      await Promise.all(workers.map(work));
    }
  } finally {
    await context.close();
  }
  return { role, count, problems };
}

test('no page, at 1,280 or 390 px, in English or Welsh, has clipped or overflowing text, or text under 12 px', { timeout: 600_000 }, async () => {
  // The roles in parallel, each in its own browser context (languages are kept per account).
  const results = await Promise.all(ROLES.map(checkRole));
  const all = results.flatMap((r) => r.problems);
  for (const r of results) console.log(`${r.role}: checked ${r.count} page views`);
  const byPage = new Map();
  for (const { where, what } of all) {
    if (!byPage.has(where)) byPage.set(where, []);
    byPage.get(where).push(what);
  }
  const svgOnly = [...byPage].filter(([, list]) => list.every((w) => w.startsWith('[svg]'))).map(([w]) => w);
  if (svgOnly.length) console.log(`pages whose only problems are in SVG charts:\n  ${svgOnly.join('\n  ')}`);
  if (byPage.size) {
    const text = [...byPage].map(([where, list]) => `${where}:\n  - ${[...new Set(list)].join('\n  - ')}`).join('\n\n');
    assert.fail(`${all.length} layout problem(s) on ${byPage.size} page view(s):\n\n${text}`);
  }
});

test('the layout check finds each kind of problem it looks for', async () => {
  const { context, page } = await newPage();
  try {
    await page.setContent(`<!DOCTYPE html><html lang="en"><body style="margin:0">
      <p id="small" style="font-size:11px">Small print</p>
      <div id="clipper" style="width:80px;overflow:hidden;white-space:nowrap">Clipped words that go on and on</div>
      <button id="narrow" style="width:60px;white-space:nowrap">A button label too long</button>
      <div id="wide" style="width:3000px">Wider than any window</div>
      <div style="overflow-x:auto"><div id="scrolled" style="width:3000px">Wide, but in a box that scrolls</div></div>
      <svg viewBox="0 0 700 40" width="350" height="20"><text id="svgsmall" x="10" y="20" font-size="14">Chart label</text></svg>
      <p class="visually-hidden" style="font-size:1px">Hidden on purpose</p>
    </body></html>`);
    const found = (await page.evaluate(layoutProblems, MIN_FONT_PX)).join('\n');
    for (const [id, kind] of [
      ['p#small', 'text under 12 px'],
      ['div#clipper', 'text clipped'],
      ['button#narrow', 'text overflows its box'],
      ['div#wide', 'wider than the window'],
      ['text#svgsmall', '[svg] text under 12 px (7.0 px)'],
    ]) {
      assert.ok(found.split('\n').some((line) => line.includes(kind) && line.includes(id)), `${kind} in ${id}:\n${found}`);
    }
    assert.ok(!found.includes('#scrolled') && !found.includes('Hidden on purpose'), found);
  } finally {
    await context.close();
  }
});

/** Pages in a PDF that Chromium wrote (each page is an object of /Type /Page). */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

test('the print-ready report opens with a summary of at most two A4 pages, then the detail', { timeout: 300_000 }, async () => {
  const { context, page } = await newPage();
  try {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await page.goto(`${app.url}/campaigns`);
    const ids = await page.locator('main a[href^="/campaigns/"]').evaluateAll((as) =>
      [...new Set(as.map((a) => /^\/campaigns\/(\d+)$/.exec(new URL(a.href).pathname)?.[1]).filter(Boolean))],
    );
    assert.ok(ids.length > 0, 'the demo has a campaign');
    for (const lang of LANGS) {
      await page.goto(`${app.url}/`);
      await useLanguage(page, lang);
      for (const id of ids) {
        const where = `/campaigns/${id}/report/print in ${lang}`;
        await page.goto(`${app.url}/campaigns/${id}/report/print`);
        // The title once: the campaign's name is in the first heading and no other.
        const headings = await page.locator('main h1, main h2').allInnerTexts();
        const title = headings[0];
        const name = title.slice(title.indexOf(':') + 1).trim();
        assert.ok(name.length > 0, `${where}: the title names the campaign`);
        const repeats = headings.slice(1).filter((h) => h.includes(name));
        assert.deepEqual(repeats, [], `${where}: the campaign's name is repeated in headings`);
        assert.equal(await page.locator('#print-summary').count(), 1, `${where}: a summary`);

        // The whole report: more pages than the summary, the detail on a page of its own.
        const wholePdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        const whole = pdfPages(wholePdf);
        // No table wider than the paper, with the print stylesheet at A4's width.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: A4_CONTENT_PX, height: 1000 });
        const { tooWide, landscape } = await page.evaluate((landscapePx) => {
          const tables = [...document.querySelectorAll('table')];
          const limit = (t) => (t.closest('.print-wide') ? landscapePx : document.documentElement.clientWidth);
          return {
            tooWide: tables
              .filter((t) => t.getBoundingClientRect().width > limit(t) + 1)
              .map((t) => `${t.id || t.querySelector('caption')?.textContent.trim().slice(0, 60)} (${Math.round(t.getBoundingClientRect().width)} px of ${limit(t)})`),
            landscape: tables.some((t) => t.closest('.print-wide')),
          };
        }, A4_LANDSCAPE_CONTENT_PX);
        assert.deepEqual(tooWide, [], `${where}: tables wider than A4 in print`);
        // A landscape page (842 × 595 points) is printed for the widest tables.
        if (landscape) {
          assert.match(wholePdf.toString('latin1'), /\/MediaBox\s*\[\s*0\s+0\s+84[12](\.\d+)?\s+59[45](\.\d+)?\s*\]/, `${where}: a landscape page for the widest tables`);
        }
        const breakBefore = await page.evaluate(() => getComputedStyle(document.getElementById('print-detail')).breakBefore);
        assert.equal(breakBefore, 'page', `${where}: the detail starts on a new page in print`);
        // Back to no emulation: page.pdf() prints with print media only when none is forced.
        await page.emulateMedia({ media: null });
        await page.setViewportSize({ width: WIDTHS[0], height: 900 });

        // The summary alone: the detail taken away, the same stylesheet, the same paper.
        await page.evaluate(() => document.getElementById('print-detail').remove());
        const summary = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
        console.log(`${where}: summary ${summary} page(s), whole report ${whole}`);
        assert.ok(summary >= 1, `${where}: the summary PDF has pages`);
        assert.ok(summary <= SUMMARY_MAX_PAGES, `${where}: the summary takes ${summary} A4 pages, more than ${SUMMARY_MAX_PAGES}`);
        assert.ok(whole > summary, `${where}: the detail starts on a new page after the summary`);
      }
    }
  } finally {
    await context.close();
  }
});
