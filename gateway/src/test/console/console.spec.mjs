// Drives the gateway's /console in headless Debian chromium, one step per scenario of issue 8.
// Started by ConsoleBrowserTest with WEFT_URL, WEFT_ADMIN_KEY, WEFT_USER_KEY (read + submit),
// WEFT_SCREENSHOTS (a folder) and WEFT_EVENT_FILE (the booklet's sample event) in its environment.
// Every step runs even when an earlier one failed; the exit status is 1 when any failed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = required('WEFT_URL');
const ADMIN_KEY = required('WEFT_ADMIN_KEY');
const USER_KEY = required('WEFT_USER_KEY');
const SHOTS = required('WEFT_SCREENSHOTS');
const EVENT_FILE = required('WEFT_EVENT_FILE');
const WAIT = 20_000;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

class StepFailure extends Error {}

function check(condition, message) {
  if (!condition) throw new StepFailure(message);
}

/** The gateway's API, for setting a scene up (not for what the console itself must do). */
async function call(method, path, body, key = ADMIN_KEY) {
  const response = await fetch(BASE + path, {
    method,
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  check(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
  timeout: 60_000,
});
mkdirSync(SHOTS, { recursive: true });

const opened = [];

async function page(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  opened.push(context);
  context.setDefaultTimeout(WAIT);
  const p = await context.newPage();
  p.problems = [];
  p.on('pageerror', (e) => p.problems.push(`page error: ${e.message}`));
  // A refused call (401, 400) is logged by chromium as "Failed to load resource": expected in some steps.
  p.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) p.problems.push(`console error: ${m.text()}`);
  });
  return p;
}

async function signedIn(key, viewport = DESKTOP) {
  const p = await page(viewport);
  await p.goto(`${BASE}/console`);
  await p.fill('#api-key', key);
  await p.click('button[type=submit]');
  await p.waitForSelector('#nav:not([hidden])');
  return p;
}

async function shot(p, name) {
  await p.screenshot({ path: join(SHOTS, `console-${name}.png`), fullPage: false });
}

async function text(p, selector) {
  return (await p.locator(selector).first().textContent()) ?? '';
}

const steps = [];
function step(name, body) {
  steps.push({ name, body });
}

// ---------------------------------------------------------------------------------------------

step('sign in: a wrong key is refused with a readable message, the right one opens the console', async () => {
  const p = await page();
  await p.goto(`${BASE}/console`);
  await shot(p, 'signin');
  await p.fill('#api-key', 'not-a-key-at-all');
  await p.click('button[type=submit]');
  const refusal = p.locator('.error:not([hidden])');
  await refusal.waitFor();
  check((await refusal.textContent()).includes('API key'), `refusal reads: ${await refusal.textContent()}`);
  await p.fill('#api-key', ADMIN_KEY);
  await p.click('button[type=submit]');
  await p.waitForSelector('#nav:not([hidden])');
  await p.waitForSelector('h1:text("Sessions")');
  check(!p.url().includes(ADMIN_KEY), `the key shows in the URL ${p.url()}`);
  const stored = await p.evaluate(() => sessionStorage.getItem('weft.apiKey'));
  check(stored === ADMIN_KEY, 'the key is not in session storage');
  const persisted = await p.evaluate(() => Object.keys(localStorage).length);
  check(persisted === 0, 'something was written to local storage');
  return p;
});

step('create a session, then pause and resume it after confirming', async () => {
  const p = await signedIn(ADMIN_KEY);
  await p.fill('#session-name', 'from the browser');
  await p.click('form.inline-form button[type=submit]');
  await p.waitForURL(/#\/sessions\/[^/?]+$/);
  const sid = decodeURIComponent(p.url().split('#/sessions/')[1]);
  await p.waitForSelector('h1:has-text("from the browser")');
  const session = await call('GET', `/v1/sessions/${sid}`);
  check(session.state === 'OPEN', `the new session is ${session.state}`);

  await p.goto(`${BASE}/console#/sessions`);
  const row = p.locator(`tr[data-session="${sid}"]`);
  await row.waitFor();
  await row.locator('[data-action=pause]').click();
  await p.locator('dialog.confirm').waitFor();
  await shot(p, 'confirm');
  await p.locator('dialog.confirm button.danger').click();
  await row.locator('.badge:text("PAUSED")').waitFor();
  check((await call('GET', `/v1/sessions/${sid}`)).state === 'PAUSED', 'the gateway does not show the session PAUSED');
  await row.locator('[data-action=resume]').click();
  await p.locator('dialog.confirm button.danger').click();
  await row.locator('.badge:text("OPEN")').waitFor();
  return p;
});

step('run echo through the generated form and see its output', async () => {
  const p = await signedIn(ADMIN_KEY);
  await p.goto(`${BASE}/console#/types/echo`);
  await p.locator('textarea[name=input]').fill('{"greeting": "hello from the console", "n": 3}');
  await p.click('#run');
  await p.locator('#run-state .badge:text("SUCCEEDED")').waitFor();
  const output = await text(p, '#run-outcome pre.json');
  check(output.includes('hello from the console'), `the output shown is ${output}`);
  check(await p.locator('#run').isEnabled(), 'Run stays disabled after the task ended');
  await shot(p, 'run');
  return p;
});

step('watch 100 tasks move to SUCCEEDED live, from the event stream', async () => {
  const session = await call('POST', '/v1/sessions', { name: 'a hundred' });
  const p = await signedIn(ADMIN_KEY);
  await p.goto(`${BASE}/console#/sessions/${session.id}`);
  await p.locator('#live[data-state=live]').waitFor();
  // Which statuses the rows pass through, as the page shows them.
  await p.evaluate(() => {
    window.seenStatuses = new Set();
    new MutationObserver((changes) => changes.forEach((c) => {
      if (c.target.dataset && c.target.dataset.status) window.seenStatuses.add(c.target.dataset.status);
    })).observe(document.getElementById('tasks'), { subtree: true, attributes: true, attributeFilter: ['data-status'], childList: true });
  });
  const lists = [];
  p.on('request', (r) => { if (r.url().includes(`/v1/sessions/${session.id}/tasks`)) lists.push(r.url()); });
  const tasks = Array.from({ length: 100 }, (_, i) => ({ type: 'sleep', input: { ms: 50 + (i % 5) * 20 } }));
  await call('POST', `/v1/sessions/${session.id}/tasks`, { tasks });
  await p.waitForFunction(() => document.querySelectorAll('#tasks tr[data-status=SUCCEEDED]').length === 100,
    null, { timeout: 60_000 });
  const counts = await text(p, '#task-counts');
  check(/SUCCEEDED\s*100/.test(counts), `the counts read ${counts}`);
  const seen = await p.evaluate(() => [...window.seenStatuses]);
  check(seen.some((s) => s !== 'SUCCEEDED'), `no row was seen before it succeeded: ${seen}`);
  // Rows arrive from events; the list is read again only to fill in types, never once a second or more.
  check(lists.length <= 5, `the page read the task list ${lists.length} times while the tasks ran`);
  await shot(p, 'session');

  await p.locator('#tasks tr[data-status=SUCCEEDED] a').first().click();
  await p.waitForURL(/#\/tasks\//);
  await p.locator('#history .badge:text("SUCCEEDED")').waitFor();
  await p.locator('dl.facts .badge:text("SUCCEEDED")').waitFor();
  check((await text(p, 'dl.facts')).includes('sleep'), 'the task page does not name its type');
  // The whole history, from the task's first status, with the worker of the attempt that ran.
  const rows = await p.locator('#history tbody tr').allInnerTexts();
  check(rows.length >= 3, `the history shows ${rows.length} changes: ${rows}`);
  check(/^\S.*\t—\t(QUEUED|WAITING|SCHEDULED)\t/.test(rows[0]), `the history does not start at the task's creation: ${rows[0]}`);
  check(rows.some((r) => /RUNNING\t1\t[0-9a-f-]{36}/.test(r)), `no history row names the worker that ran it: ${rows}`);
  await shot(p, 'task');
  return p;
});

step('a refused input shows the field\'s message, before submit and from the gateway', async () => {
  const p = await signedIn(ADMIN_KEY);
  const submits = [];
  p.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/tasks')) submits.push(r.url()); });
  await p.goto(`${BASE}/console#/types/sleep`);
  await p.locator('input[name=ms]').fill('-5');
  await p.click('#run');
  const message = p.locator('.field-error[data-field=ms]');
  await message.filter({ hasText: 'must be at least 0' }).waitFor();
  check(submits.length === 0, 'the refused input was sent anyway');
  await shot(p, 'types');

  await p.goto(`${BASE}/console#/schedules`);
  await p.locator('#schedule-type').selectOption('echo');
  await p.locator('#schedule-cron').fill('not a cron');
  await p.locator('#schedule-input').fill('{}');
  await p.click('#schedule-form button[type=submit]');
  const cron = p.locator('.field-error[data-field=cron]');
  await cron.filter({ hasText: /./ }).waitFor();
  check((await cron.textContent()).length > 5, `the cron message reads ${await cron.textContent()}`);
  return p;
});

step('the generated form covers every schema keyword it claims, and checks values before submit', async () => {
  const p = await signedIn(ADMIN_KEY);
  await p.goto(`${BASE}/console#/types`);
  await p.locator('#types').waitFor();
  await p.evaluate(async () => {
    const { schemaForm } = await import('/console/js/schema-form.js');
    const form = schemaForm({
      type: 'object', required: ['name', 'count'], properties: {
        name: { type: 'string', minLength: 2, maxLength: 5, pattern: '^[a-z]+$', description: 'lower-case letters' },
        count: { type: 'integer', minimum: 1, maximum: 3, default: 2 },
        ratio: { type: 'number', exclusiveMaximum: 1 },
        mode: { enum: ['fast', 'slow'], default: 'slow' },
        flag: { type: 'boolean', default: true },
        tags: { type: 'array', items: { type: 'string' } },
        sizes: { type: 'array', items: { type: 'integer', minimum: 0 } },
        nested: { type: 'object', properties: { inner: { type: 'string', default: 'x' } } },
        free: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
      },
    });
    window.testForm = form;
    document.querySelector('main').replaceChildren(form.element);
  });
  const read = () => p.evaluate(() => window.testForm.read());
  const messageOf = (errors, path) => (errors.find((e) => e.path === path) || {}).message;

  let { errors } = await read();
  check(messageOf(errors, 'name') === 'is required', `an empty required field reads ${JSON.stringify(errors)}`);
  check((await p.locator('.field-error[data-field=name]').textContent()) === 'is required', 'the message is not under the field');
  check((await p.locator('[data-path=name] .help').textContent()) === 'lower-case letters', 'the description is not the help');
  check(await p.locator('input[name=count]').inputValue() === '2', 'the default is not filled in');

  const refused = [['name', 'ABC', 'must match the pattern ^[a-z]+$'], ['name', 'abcdefg', 'must be at most 5 characters'],
    ['name', 'a', 'must be at least 2 characters'], ['count', '7', 'must be at most 3'], ['count', '1.5', 'must be a whole number'],
    ['ratio', '1', 'must be less than 1'], ['sizes', '3\n-1', 'must be at least 0'], ['free', '{oops', 'is not valid JSON']];
  for (const [name, value, message] of refused) {
    await p.locator(`[name="${name}"]`).fill(value);
    ({ errors } = await read());
    check((messageOf(errors, name) || '').startsWith(message), `${name} = ${value} reads ${messageOf(errors, name)}, not ${message}`);
    await p.locator(`[name="${name}"]`).fill('');
  }

  await p.locator('[name=name]').fill('abc');
  await p.locator('[name=count]').fill('3');
  await p.locator('[name=ratio]').fill('0.5');
  await p.locator('select[name=mode]').selectOption({ label: 'fast' });
  await p.locator('[name=flag]').uncheck();
  await p.locator('[name=tags]').fill('red\ngreen');
  await p.locator('[name=sizes]').fill('1\n2');
  await p.locator('[name=free]').fill('7');
  const { value, errors: none } = await read();
  check(none.length === 0, `valid values are refused: ${JSON.stringify(none)}`);
  const expected = { name: 'abc', count: 3, ratio: 0.5, mode: 'fast', flag: false, tags: ['red', 'green'], sizes: [1, 2],
    nested: { inner: 'x' }, free: 7 };
  check(JSON.stringify(value) === JSON.stringify(expected), `the form reads ${JSON.stringify(value)}`);
  check(await p.locator('input[type=file][data-load=nested]').count() === 1, 'the nested object cannot be loaded from a file');
  return p;
});

step('schedules: create one, pause, resume and delete it', async () => {
  await call('POST', '/v1/sessions', { name: 'scheduled' });
  const p = await signedIn(ADMIN_KEY);
  await p.goto(`${BASE}/console#/schedules`);
  await p.locator('#schedule-every').fill('PT1H');
  await p.locator('#schedule-type').selectOption('echo');
  await p.locator('#schedule-input').fill('{"tick": true}');
  await p.click('#schedule-form button[type=submit]');
  const row = p.locator('#schedules tbody tr').first();
  await row.locator('.badge:text("ACTIVE")').waitFor();
  const scheduleId = await row.getAttribute('data-schedule');
  await shot(p, 'schedules');
  await row.locator('[data-action=pause]').click();
  await p.locator('dialog.confirm button.danger').click();
  await row.locator('.badge:text("PAUSED")').waitFor();
  await row.locator('[data-action=resume]').click();
  await p.locator('dialog.confirm button.danger').click();
  await row.locator('.badge:text("ACTIVE")').waitFor();
  await row.locator('[data-action=delete]').click();
  await p.locator('dialog.confirm button.danger').click();
  await p.locator(`tr[data-schedule="${scheduleId}"]`).waitFor({ state: 'detached' });
  const left = await call('GET', '/v1/schedules');
  check(!left.some((s) => s.id === scheduleId), 'the deleted schedule is still listed by the gateway');
  return p;
});

step('results: upload a file, see its size, checksum and expiry, download it back', async () => {
  await call('POST', '/v1/sessions', { name: 'uploads' });
  const p = await signedIn(ADMIN_KEY);
  await p.goto(`${BASE}/console#/results`);
  const bytes = Buffer.from('Weft console upload, line one\nline two\n'.repeat(50));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await p.locator('#upload-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: bytes });
  await p.click('#upload button[type=submit]');
  const row = p.locator('#results tbody tr').first();
  await row.locator('.badge:text("COMPLETED")').waitFor();
  const shown = await row.textContent();
  check(shown.includes(sha256), `the row does not show the SHA-256 ${sha256}: ${shown}`);
  check((await row.locator('[data-size]').getAttribute('data-size')) === String(bytes.length), 'the size shown is wrong');
  check(/\d/.test(await row.locator('td').nth(5).textContent()), 'no expiry is shown');
  const [download] = await Promise.all([p.waitForEvent('download'), row.locator('button[data-download]').click()]);
  check(download.suggestedFilename() === 'notes.txt', `the download is named ${download.suggestedFilename()}`);
  const back = readFileSync(await download.path());
  check(back.equals(bytes), 'the downloaded bytes differ from the uploaded ones');
  await shot(p, 'results');
  return p;
});

step('cluster: an admin sees members, types, slots and load, and may drain (cancelled here)', async () => {
  const p = await signedIn(ADMIN_KEY);
  // The sessions made by the steps before, for the picture.
  await p.locator('#sessions tbody tr').first().waitFor();
  await shot(p, 'sessions');
  await p.goto(`${BASE}/console#/cluster`);
  const member = p.locator('#members tbody tr').first();
  await member.waitFor();
  check((await member.textContent()).includes('echo ('), 'the member does not list echo with its slots');
  await member.locator('[data-action=drain]').click();
  await p.locator('dialog.confirm').waitFor();
  await p.locator('dialog.confirm button.secondary').click();
  await p.locator('dialog.confirm').waitFor({ state: 'detached' });
  const cluster = await call('GET', '/v1/cluster');
  check(cluster.members.every((m) => m.state === 'ACTIVE'), 'cancelling the confirmation drained a member');
  await shot(p, 'cluster');
  return p;
});

step('a key without admin sees the cluster but no drain button', async () => {
  const p = await signedIn(USER_KEY);
  await p.goto(`${BASE}/console#/cluster`);
  await p.locator('#members tbody tr').first().waitFor();
  check(await p.locator('[data-action=drain]').count() === 0, 'a non-admin key is offered Drain');
  return p;
});

step('phone width: pages fit 390 px without sideways scrolling', async () => {
  const p = await signedIn(ADMIN_KEY, PHONE);
  for (const route of ['#/sessions', '#/types/sleep', '#/cluster', '#/results', '#/schedules']) {
    await p.goto(`${BASE}/console${route}`);
    await p.locator('main h1').first().waitFor();
    await p.waitForLoadState('networkidle').catch(() => {});
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    check(width <= PHONE.width, `${route} is ${width} px wide at phone width`);
  }
  await p.goto(`${BASE}/console#/types/sleep`);
  await p.locator('input[name=ms]').waitFor();
  await shot(p, 'phone');
  return p;
});

// Needs the booklet task type (another branch): keep it last so every other step has run first.
step('run booklet with the sample event: spinner, then the .odt to download', async () => {
  check(existsSync(EVENT_FILE), `${EVENT_FILE} is missing (the booklet task type's branch adds it)`);
  const p = await signedIn(ADMIN_KEY);
  await p.goto(`${BASE}/console#/types/booklet`);
  await p.locator('#types').waitFor();
  check(await p.locator('#types a[data-type=booklet]').count() === 1, 'the gateway lists no booklet task type');
  const loader = p.locator('input[type=file][data-load=event]');
  await loader.setInputFiles(EVENT_FILE);
  await p.evaluate(() => {
    window.runWatch = { spinner: false, disabled: false };
    new MutationObserver(() => {
      if (document.querySelector('#run-state .spinner')) window.runWatch.spinner = true;
      if (document.getElementById('run').disabled) window.runWatch.disabled = true;
    }).observe(document.getElementById('run-form'), { subtree: true, childList: true, attributes: true });
  });
  await p.click('#run');
  const download = p.locator('#run-outcome button[data-download]');
  const refusal = p.locator('#run-form .error:not([hidden])');
  await download.or(refusal).first().waitFor({ timeout: 60_000 });
  if (await refusal.count()) {
    const marked = await p.locator('#run-form .field-error').allTextContents();
    throw new StepFailure(`the run was refused: ${await refusal.textContent()} ${marked.filter(Boolean).join('; ')}`);
  }
  const watched = await p.evaluate(() => window.runWatch);
  check(watched.spinner && watched.disabled, `while running: spinner ${watched.spinner}, button disabled ${watched.disabled}`);
  check((await download.textContent()).startsWith('Download ') && (await download.textContent()).endsWith('.odt'),
    `the button reads ${await download.textContent()}`);
  await download.scrollIntoViewIfNeeded();
  await shot(p, 'booklet');
  const [file] = await Promise.all([p.waitForEvent('download'), download.click()]);
  const odt = readFileSync(await file.path());
  check(file.suggestedFilename().endsWith('.odt'), `the file is named ${file.suggestedFilename()}`);
  check(odt.subarray(0, 2).toString() === 'PK', 'the .odt is not a zip');
  check(odt.subarray(30, 38).toString() === 'mimetype'
    && odt.subarray(38, 77).toString() === 'application/vnd.oasis.opendocument.text',
  'the .odt does not start with its mimetype entry');
  const output = JSON.parse(await text(p, '#run-outcome pre.json'));
  check(output.bytes === odt.length, `the output says ${output.bytes} bytes, the download has ${odt.length}`);
  check(output.sha256 === createHash('sha256').update(odt).digest('hex'), 'the download does not match the output\'s sha256');
  return p;
});

// ---------------------------------------------------------------------------------------------

let failed = 0;
for (const [index, { name, body }] of steps.entries()) {
  const started = Date.now();
  try {
    const p = await body();
    if (p && p.problems.length) throw new StepFailure(`the page reported: ${p.problems.join('; ')}`);
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name} (${Date.now() - started} ms)\n     ${e instanceof StepFailure ? e.message : e.stack}`);
    await explain(index + 1);
  } finally {
    while (opened.length) await opened.pop().close().catch(() => {});
  }
}
await browser.close();
console.log(`${steps.length - failed} of ${steps.length} steps passed`);
process.exit(failed ? 1 : 0);

/** What the failed step's last page showed: its text, and a screenshot next to the others. */
async function explain(number) {
  const context = opened[opened.length - 1];
  const p = context && context.pages()[0];
  if (!p) return;
  const shown = await p.locator('main').innerText().catch(() => '(no main)');
  console.log(`     at ${p.url()}; the page shows:\n     ${shown.slice(0, 800).replace(/\n/g, '\n     ')}`);
  await p.screenshot({ path: join(SHOTS, `failed-step-${number}.png`) }).catch(() => {});
}
