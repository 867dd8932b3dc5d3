// skillgym behind a real nginx, configured with the server block from README.md ("Behind a
// reverse proxy", between the nginx-example markers), read from the README itself so that this
// test breaks when the README's example stops working. For a test on one machine it changes
// only: the `listen` lines (plain HTTP on a free loopback port: TLS is left out) and the
// `ssl_certificate` lines (dropped), and `proxy_pass` (pointed at this test's skillgym).
//
// skillgym runs with --public-url set to nginx's address and --trusted-proxy 127.0.0.1/32.
// A browser signs in and submits a form through nginx (nginx passes `Host: $host`, without the
// port, so this only works because forms are checked against the public URL's origin), and a
// noisy client from another loopback address is throttled on its own: the throttle sees the
// address nginx forwarded, not nginx's.
//
// nginx (Debian's nginx-light; scripts/install-test-deps installs it) runs in the foreground
// from a temporary folder holding its own configuration, logs, pid file and temporary files;
// when the test runs as root, nginx runs as `nobody`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  REPO_ROOT,
  startSkillgym,
  launchBrowser,
  withPage,
  visit,
  signIn,
  clickAndWait,
  pathOf,
} from './lib.mjs';

const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx';
const NOBODY = 65534;
// The throttle's limit from one address (auth::MAX_ATTEMPTS_PER_ADDRESS).
const PER_ADDRESS = 50;
// A client of nginx other than the browser (any 127/8 address reaches the loopback).
const NOISY = '127.0.0.5';
const T = { timeout: 180_000 };

/** The README's nginx example: the code block between the nginx-example markers. */
function readmeExample() {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const m = /<!-- nginx-example -->\s*```nginx\n([\s\S]*?)```\s*<!-- \/nginx-example -->/.exec(readme);
  assert.ok(m, 'README.md has an nginx block between <!-- nginx-example --> and <!-- /nginx-example -->');
  return m[1];
}

/** `text` with the one line matching `pattern` replaced (or dropped, for null); fails unless
 * exactly one line matches, so that a changed README is noticed. */
function replaceLine(text, pattern, replacement) {
  const lines = text.split('\n');
  const hits = lines.filter((l) => pattern.test(l));
  assert.equal(hits.length, 1, `one line of the README's nginx block matches ${pattern}: ${JSON.stringify(hits)}`);
  return lines
    .flatMap((l) => (pattern.test(l) ? (replacement === null ? [] : [l.replace(/\S.*/, replacement)]) : [l]))
    .join('\n');
}

/** The README's server block, changed as the header says, for nginx on `port` in front of
 * skillgym on `upstream`. */
function serverBlock(port, upstream) {
  let block = readmeExample();
  // What makes skillgym work behind a proxy, as the README promises: these lines unchanged.
  for (const line of [
    'proxy_set_header Host $host;',
    'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    'proxy_set_header X-Forwarded-Proto $scheme;',
    'client_max_body_size 64m;',
  ]) {
    assert.ok(block.includes(line), `the README's nginx block has: ${line}`);
  }
  block = replaceLine(block, /^\s*listen 443 ssl;/, `listen 127.0.0.1:${port};`);
  block = replaceLine(block, /^\s*listen \[::\]:443 ssl;/, null);
  block = replaceLine(block, /^\s*ssl_certificate /, null);
  block = replaceLine(block, /^\s*ssl_certificate_key /, null);
  block = replaceLine(block, /^\s*proxy_pass http:\/\/127\.0\.0\.1:8080;/, `proxy_pass http://${upstream};`);
  return block;
}

/** A TCP port free on 127.0.0.1 right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts nginx from its own folder with `block` as its only site; resolves once it answers. */
async function startNginx(port, block) {
  const dir = mkdtempSync(path.join(tmpdir(), 'skillgym-nginx-'));
  // Temporary files of every module this nginx has, inside the folder (it would otherwise
  // create them under /var/lib/nginx, which an unprivileged nginx cannot).
  const built = spawnSync(NGINX, ['-V'], { encoding: 'utf8' }).stderr;
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .filter((m) => m === 'client_body' || !built.includes(`--without-http_${m}_module`))
    .map((m) => `    ${m}_temp_path ${dir}/${m}_temp;`)
    .join('\n');
  writeFileSync(path.join(dir, 'nginx.conf'), `worker_processes 1;
error_log ${dir}/error.log info;
events { worker_connections 256; }
http {
    access_log ${dir}/access.log;
${temps}
${block}
}
`);
  const root = process.getuid?.() === 0;
  if (root) chownSync(dir, NOBODY, NOBODY);
  const child = spawn(
    NGINX,
    ['-p', dir, '-c', 'nginx.conf', '-e', `${dir}/error.log`, '-g', `daemon off; pid ${dir}/nginx.pid;`],
    { stdio: ['ignore', 'pipe', 'pipe'], ...(root ? { uid: NOBODY, gid: NOBODY } : {}) },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { output += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const log = () => {
    const file = path.join(dir, 'error.log');
    return `${output}\n--- error.log ---\n${existsSync(file) ? readFileSync(file, 'utf8') : '(none)'}`;
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer on port ${port}:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    log,
    accessLog: () => readFileSync(path.join(dir, 'access.log'), 'utf8'),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One HTTP request from `localAddress`, keeping the cookies in `jar`. */
function request(url, { method = 'GET', form, headers = {}, localAddress, jar }) {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: u.hostname,
      port: u.port,
      path: u.pathname,
      method,
      localAddress,
      headers: {
        ...headers,
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}),
      },
    }, (res) => {
      for (const c of res.headers['set-cookie'] || []) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
      let text = '';
      res.setEncoding('utf8').on('data', (d) => { text += d; }).on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A client that signs in by hand from `localAddress` through `base`. */
async function client(base, localAddress) {
  const jar = new Map();
  const page = await request(`${base}/sign-in`, { localAddress, jar });
  assert.equal(page.status, 200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)[1];
  return {
    signIn: (email, password, headers = {}) =>
      request(`${base}/sign-in`, { method: 'POST', form: { csrf, email, password }, headers, localAddress, jar }),
  };
}

let app;
let nginx;
let browser;
let base;

before(async () => {
  assert.ok(existsSync(NGINX), `${NGINX} is missing: run scripts/install-test-deps (Debian's nginx-light)`);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = await startSkillgym({ extraArgs: ['--public-url', base, '--trusted-proxy', '127.0.0.1/32'] });
  nginx = await startNginx(port, serverBlock(port, new URL(app.url).host));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await nginx?.stop();
  await app?.stop();
});

test('a noisy client behind nginx is throttled by its own address, and only it', T, async () => {
  const noisy = await client(base, NOISY);
  for (let i = 0; i < PER_ADDRESS; i++) {
    // It also sends a made-up X-Forwarded-For: nginx appends the address it saw, and skillgym
    // takes that one.
    const res = await noisy.signIn(`nobody${i}@afon.example`, 'a guess', { 'x-forwarded-for': '198.51.100.23' });
    assert.equal(res.status, 422, `guess ${i} is checked and wrong`);
  }
  const refused = await noisy.signIn(DEMO_ACCOUNTS.manager, DEMO_PASSWORD);
  assert.equal(refused.status, 429, 'the noisy client is throttled, even with a right password');
  assert.match(refused.text, /too many attempts/);
  // skillgym reached directly from the same address agrees: it is that address that is
  // throttled (here the peer itself, not a proxy, so no header is believed).
  const direct = await client(app.url, NOISY);
  assert.equal((await direct.signIn(DEMO_ACCOUNTS.manager, DEMO_PASSWORD)).status, 429);
  // Another client of the same nginx is not: it is not nginx's address that was counted.
  const other = await client(base, '127.0.0.6');
  assert.equal((await other.signIn(DEMO_ACCOUNTS.manager, DEMO_PASSWORD)).status, 303);
  // Nor can the noisy client get another client throttled by naming it.
  assert.equal(
    (await (await client(base, '127.0.0.7')).signIn(DEMO_ACCOUNTS.manager, DEMO_PASSWORD, { 'x-forwarded-for': NOISY })).status,
    303,
  );
});

test('a browser signs in and submits a form through nginx', T, async () => {
  await withPage(browser, 'nginx-sign-in-and-form', async (page) => {
    await signIn(page, base, DEMO_ACCOUNTS.admin);
    assert.equal(new URL(page.url()).host, new URL(base).host, 'still at the address people use');
    await visit(page, `${base}/sites/new`);
    const form = page.locator('form:has(input[name="code"])');
    await form.locator('input[name="name"]').fill('Through the proxy');
    await form.locator('input[name="code"]').fill('PROXY');
    await form.locator('input[name="kind"]').first().check();
    const response = await clickAndWait(page, form.locator('button[type="submit"]'));
    assert.equal(response.status(), 200, `the form was accepted (${response.status()} at ${page.url()})`);
    assert.equal(pathOf(page), '/sites', 'back on the list of sites');
    assert.ok(await page.getByText('Through the proxy').count() > 0, 'the new site is listed');
  });
  // nginx really was in between.
  const served = nginx.accessLog();
  assert.match(served, /"POST \/sign-in HTTP\/1\.1" 303 /);
  assert.match(served, /"POST \/sites\/new HTTP\/1\.1" 303 /);
});
