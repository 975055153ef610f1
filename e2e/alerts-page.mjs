// Real-browser check of the Newsflow alerts page, driven by a Java harness (or by hand):
//
//   NEWSFLOW_WEB_URL=http://127.0.0.1:8088/ NEWSFLOW_RULE_ID=e2e-port NEWSFLOW_RULE_QUERY='strike AND port' \
//   NEWSFLOW_SCREENSHOT=/tmp/alerts.png node alerts-page.mjs
//
// 1. opens the page in Debian's Chromium (/usr/bin/chromium; no browser is ever downloaded);
// 2. adds the rule through the page's form and waits until the rules panel lists it;
// 3. prints "RULE_ADDED <id>": the harness then publishes an article the rule matches;
// 4. waits up to 90 s for that rule's alert to appear live (no reload), checks the snippet has a <mark>;
// 5. saves a screenshot when NEWSFLOW_SCREENSHOT is set, prints "ALERT_SEEN <id>" and exits 0.
// Any failure prints "E2E_FAILED <reason>" and exits 1; the whole run is capped, so it always stops.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
// Nothing in the run may reach the internet: no QUIC, no background updates, no sync, no first-run pages.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const OVERALL_TIMEOUT_MS = 150_000;
const PAGE_TIMEOUT_MS = 30_000;
const RULE_TIMEOUT_MS = 20_000;
const ALERT_TIMEOUT_MS = 90_000;
const RULE_ID = /^[A-Za-z0-9._-]{1,64}$/; // as RuleValidator: also keeps the CSS selectors below safe

let context = null;
let userDataDir = null;
let page = null;

/** Writes one line to stdout and exits once it is flushed (a harness reads these lines). */
function finish(code, line) {
  process.stdout.write(line + '\n', () => process.exit(code));
}

async function cleanup() {
  const closing = context ? context.close().catch(() => {}) : Promise.resolve();
  // a hung browser must not keep us from exiting
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
}

let failing = false;

async function fail(reason) {
  if (failing) return; // the overall timeout and main() may both fail; report once
  failing = true;
  await describePage();
  await saveScreenshot().catch(() => {});
  await cleanup();
  finish(1, 'E2E_FAILED ' + String(reason).split('\n')[0]);
}

/** What the page showed when things went wrong, on stderr, to tell a page bug from a pipeline bug. */
async function describePage() {
  if (!page) return;
  try {
    const state = await page.evaluate(() => ({
      url: location.href.replace(/token=[^&]*/, 'token=***'),
      live: document.getElementById('live-status')?.textContent,
      pageError: document.getElementById('page-error')?.textContent,
      ruleError: document.getElementById('rule-error')?.textContent,
      rules: [...document.querySelectorAll('#rules .rule')].map((r) => r.dataset.ruleId),
      alerts: [...document.querySelectorAll('#alerts .alert')].map((a) => a.dataset.ruleId),
    }));
    console.error('page state: ' + JSON.stringify(state));
  } catch (e) {
    console.error('page state unavailable: ' + e.message);
  }
}

async function saveScreenshot() {
  const file = process.env.NEWSFLOW_SCREENSHOT;
  if (file && page) await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
}

function required(name) {
  const value = process.env[name];
  if (!value || !value.trim()) throw new Error(name + ' is not set');
  return value.trim();
}

async function main() {
  const url = required('NEWSFLOW_WEB_URL');
  const ruleId = required('NEWSFLOW_RULE_ID');
  const query = required('NEWSFLOW_RULE_QUERY');
  if (!RULE_ID.test(ruleId)) throw new Error("NEWSFLOW_RULE_ID must be 1 to 64 letters, digits, '.', '_' or '-'");

  userDataDir = await mkdtemp(path.join(tmpdir(), 'newsflow-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: PAGE_TIMEOUT_MS,
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] || await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('[page console] ' + message.text());
  });

  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT_MS });
  await page.locator('#rule-form').waitFor({ timeout: PAGE_TIMEOUT_MS });

  await page.fill('#rule-id', ruleId);
  await page.fill('#rule-name', 'E2E ' + ruleId);
  await page.fill('#rule-query', query);
  await page.fill('#rule-owner', 'e2e');
  await page.selectOption('#rule-severity', 'HIGH');
  await page.click('#rule-submit');

  // whichever comes first: the rules panel lists the rule, or the form shows the server's refusal
  const outcome = await page.waitForFunction((id) => {
    const error = document.getElementById('rule-error');
    if (error && !error.hidden && error.textContent) return 'refused: ' + error.textContent;
    return document.querySelector('#rules .rule[data-rule-id="' + id + '"]') ? 'added' : null;
  }, ruleId, { timeout: RULE_TIMEOUT_MS, polling: 100 });
  const result = await outcome.jsonValue();
  if (result !== 'added') throw new Error('rule ' + ruleId + ' was ' + result);
  console.log('RULE_ADDED ' + ruleId);

  const alertSelector = '#alerts .alert[data-rule-id="' + ruleId + '"]';
  try {
    await page.locator(alertSelector).first().waitFor({ timeout: ALERT_TIMEOUT_MS });
  } catch (e) {
    throw new Error('no alert for rule ' + ruleId + ' appeared within ' + ALERT_TIMEOUT_MS / 1000 + ' s');
  }
  const marks = await page.locator(alertSelector + ' .snippet mark').count();
  if (marks === 0) throw new Error('the alert for rule ' + ruleId + ' shows no <mark> in its snippet');
  if (pageErrors.length > 0) throw new Error('uncaught error in the page: ' + pageErrors[0]);

  await saveScreenshot();
  await cleanup();
  finish(0, 'ALERT_SEEN ' + ruleId);
}

const overall = setTimeout(() => {
  fail('overall timeout of ' + OVERALL_TIMEOUT_MS / 1000 + ' s').catch(() => finish(1, 'E2E_FAILED overall timeout'));
}, OVERALL_TIMEOUT_MS);
overall.unref();

main().catch((error) => fail(error && error.message ? error.message : error));
