// Opens reports written by `cruscotto report` in headless Chromium (the distribution's package,
// never a browser downloaded by a tool) and checks what a reader and an evaluator rely on:
//
//   - accessibility: no axe-core violation at WCAG 2.1 A and AA, on a desktop and a phone width;
//   - layout: nothing overflows horizontally at 1280 and 390 px (screenshots are written);
//   - print: at the width of an A4 page every table and chart fits; the PDF printed by the CLI
//     is A4 on every page, has every section, and no word beyond the right margin;
//   - numbers: every number the page marks (data-field) equals the same row and field of
//     `cruscotto score --format json --level all`, for the year reported and the multi-year view,
//     every row of that JSON is on the page, and every numeric table cell is marked;
//   - a generated plan of 10,000 indicators opens, closed section by section.
//
//   - the same report in English (`--html-en`, the plan read with `--lang en`): accessibility,
//     layout, print and numbers again, its numbers written the English way.
//
// Run by `cargo test` (tests/integration/report_browser.rs), which builds the inputs:
//   node report.mjs --html R.html --pdf R.pdf --scores DIR --year 2019 --screenshots DIR [--large L.html]
//     [--html-en E.html]
// Exit 0 when every check passes; otherwise each failure is printed and the exit code is 1.

import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const browserPath = process.env.CRUSCOTTO_BROWSER || '/usr/bin/chromium';
const failures = [];
let checks = 0;
function check(condition, message) {
  checks += 1;
  if (!condition) failures.push(message);
}

// The flags a machine without network needs: without them Chromium waits on connections.
const browser = await chromium.launch({
  executablePath: browserPath,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
});

try {
  mkdirSync(args.screenshots, { recursive: true });
  await checkPage(args.html, 'report');
  checkPdf(args.pdf);
  if (args.large) await checkLarge(args.large);
  if (args['html-en']) await checkPage(args['html-en'], null);
} finally {
  await browser.close();
}

if (failures.length > 0) {
  console.error(`${failures.length} of ${checks} checks failed:`);
  for (const failure of failures.slice(0, 60)) console.error(`  - ${failure}`);
  process.exit(1);
}
console.log(`${checks} passed, 0 failed`);

// ---------------------------------------------------------------------------------------------

/** A report page at a desktop and a phone width, then printed; `screenshots` names the
 * screenshots written (none when null). */
async function checkPage(path, screenshots) {
  const url = pathToFileURL(path).href;
  for (const [name, width] of [['desktop', 1280], ['mobile', 390]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(url);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    }));
    check(scrollWidth <= innerWidth, `${name} (${width} px): the page is ${scrollWidth} px wide, overflowing ${innerWidth}`);
    const wide = await page.evaluate(() => [...document.querySelectorAll('table, figure, svg.chart, pre, dl')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className.baseVal ?? e.className}`).slice(0, 5));
    check(wide.length === 0, `${name} (${width} px): cut at the right edge: ${wide.join(', ')}`);
    if (screenshots) {
      await page.screenshot({ path: join(args.screenshots, `${screenshots}-${name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height: name === 'desktop' ? 1700 : 1800 } });
    }
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }));
    for (const violation of result.violations) {
      const where = violation.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      check(false, `${name}: axe ${violation.id} (${violation.impact}) on ${violation.nodes.length} elements: ${violation.help} — ${where}`);
    }
    check(result.violations !== undefined, 'axe ran');
    const lang = await page.evaluate(() => document.documentElement.lang);
    console.log(`${lang} ${name}: ${width} px, page ${scrollWidth} px wide, axe: ${result.violations.length} violations`);
    if (name === 'desktop') await checkNumbers(page, lang);
    await page.close();
  }
  await checkPrintLayout(url);
}

/** The rows of `score --format json --level all` of each year, by level and id. */
function loadScores() {
  const years = {};
  for (const file of readdirSync(args.scores).filter((f) => /^score-\d+\.json$/.test(f))) {
    const json = JSON.parse(readFileSync(join(args.scores, file), 'utf8'));
    const levels = {
      body: new Map([['', { ...json.body, statuses: json.statuses }]]),
      mission: json.missions, strategic: json.strategic_objectives, program: json.programs,
      operational: json.operational_objectives, perspective: json.perspectives, area: json.areas,
      service: json.services, indicator: json.indicators,
    };
    // A level the plan does not have is not in the JSON: no rows.
    for (const key of Object.keys(levels)) {
      if (key !== 'body') levels[key] = new Map((levels[key] ?? []).map((row) => [row.id, row]));
    }
    years[json.year] = levels;
  }
  return years;
}

function field(row, path) {
  return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), row);
}

/** The machine form of what a cell shows in `lang`: Italian `1.234,5` → `1234.5`, `12%` → `12`,
 * `3 gg` → `3`, `31/12/2019` → `2019-12-31`, `sì` → `yes`; English `1,234.5`, `3 days`, `€1,200`.
 * An actual known only as a bound shows its sign (`> 1300`): the number is the bound's. */
function shownAsPlain(text, lang) {
  const t = text
    .trim()
    .replace(/\u00a0/g, ' ')
    .replace(/^[<>≤≥] /, '')
    .replace(/%$/, '')
    .replace(/ (gg|days|€)$/, '')
    .replace(/^€/, '');
  const date = t.match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
  if (date) return `${date[3]}-${date[2]}-${date[1]}`;
  if (t === 'sì') return 'yes';
  if (lang === 'en') return /^-?[\d,]+(\.\d+)?$/.test(t) ? t.replaceAll(',', '') : t;
  return /^-?[\d.]+(,\d+)?$/.test(t) ? t.replaceAll('.', '').replace(',', '.') : t;
}

async function checkNumbers(page, lang) {
  const scores = loadScores();
  const reported = Number(args.year);
  check(scores[reported] !== undefined, `no score JSON for the year ${reported}`);
  const marked = await page.evaluate(() => [...document.querySelectorAll('[data-field]')].map((e) => {
    const row = e.closest('[data-level]');
    const year = e.closest('[data-year]');
    return {
      level: row?.getAttribute('data-level'), id: row?.getAttribute('data-id') ?? '', year: year?.getAttribute('data-year'),
      field: e.getAttribute('data-field'), value: e.getAttribute('data-value'), text: e.textContent,
    };
  }));
  const seen = new Set();
  let compared = 0;
  for (const cell of marked) {
    const year = cell.year ? Number(cell.year) : reported;
    const rows = scores[year]?.[cell.level];
    const row = rows?.get(cell.id);
    if (!row) {
      check(false, `${cell.level} ${cell.id} (${year}): on the page, not in score --format json`);
      continue;
    }
    seen.add(`${year}/${cell.level}/${cell.id}`);
    const expected = field(row, cell.field);
    check(expected !== undefined, `${cell.level} ${cell.id}: the field ${cell.field} is not in score --format json`);
    const want = expected === null || expected === undefined ? '' : String(expected);
    check(cell.value === want, `${cell.level} ${cell.id} (${year}) ${cell.field}: page ${JSON.stringify(cell.value)}, score ${JSON.stringify(want)}`);
    if (/^-?\d+(\.\d+)?$/.test(want)) {
      check(shownAsPlain(cell.text, lang) === want, `${cell.level} ${cell.id} (${year}) ${cell.field}: shows ${JSON.stringify(cell.text)} for ${want}`);
    } else if (want === '') {
      check(!/\d/.test(cell.text), `${cell.level} ${cell.id} (${year}) ${cell.field}: shows ${JSON.stringify(cell.text)} where score has none`);
    }
    compared += 1;
  }
  // Every row of the reported year is on the page, with its attainment.
  for (const [level, rows] of Object.entries(scores[reported])) {
    for (const id of rows.keys()) {
      check(seen.has(`${reported}/${level}/${id}`), `${level} ${id}: in score --format json, not on the page`);
      check(marked.some((c) => c.level === level && c.id === id && c.field === 'attainment' && !c.year),
        `${level} ${id}: its attainment is not on the page`);
    }
  }
  // Every number of a table is marked, so that none escapes the comparison.
  const unmarked = await page.evaluate(() => [...document.querySelectorAll('td.num, th.num')]
    .filter((e) => e.closest('tbody') && !e.matches('[data-field]') && !e.querySelector('[data-field]') && /\d/.test(e.textContent))
    .map((e) => `${e.closest('[data-id]')?.getAttribute('data-id')}: ${e.textContent.trim()}`).slice(0, 5));
  check(unmarked.length === 0, `numeric cells not compared with score: ${unmarked.join('; ')}`);
  const years = Object.keys(scores).length;
  console.log(`${lang} numbers: ${compared} values compared with score --format json (${years} years), ${seen.size} rows`);
}

async function checkPrintLayout(url) {
  // A4 is 210 mm wide; the print stylesheet leaves 14 mm each side: 182 mm at 96 px per inch.
  const width = Math.floor((182 / 25.4) * 96);
  const page = await browser.newPage({ viewport: { width, height: 1100 } });
  await page.emulateMedia({ media: 'print' });
  await page.goto(url);
  const cut = await page.evaluate(() => [...document.querySelectorAll('table, figure, svg, pre, dl, h1, h2, h3')]
    .filter((e) => e.getBoundingClientRect().width > 0 && (e.getBoundingClientRect().right > window.innerWidth + 0.5
      || (e.tagName === 'TABLE' && e.scrollWidth > e.clientWidth + 1)))
    .map((e) => `${e.tagName.toLowerCase()} ${e.querySelector('caption')?.textContent ?? ''}`.trim()).slice(0, 5));
  check(cut.length === 0, `print (${width} px): wider than an A4 page: ${cut.join('; ')}`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scrollWidth <= width, `print: the page is ${scrollWidth} px wide, an A4 page ${width}`);
  console.log(`print: ${width} px (A4 less margins), page ${scrollWidth} px wide`);
  await page.close();
}

function checkPdf(path) {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', path], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1] ?? 0);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
  check(pages > 1 && sizes.length === pages, `PDF: ${pages} pages, ${sizes.length} sizes read`);
  const notA4 = sizes.filter(([w, h]) => Math.abs(w - 595.28) > 1 || Math.abs(h - 841.89) > 1);
  check(notA4.length === 0, `PDF: ${notA4.length} pages are not A4 (first: ${notA4[0]})`);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  for (const section of ['Relazione sulla performance', '1. Sintesi dei risultati', '2. Obiettivi strategici',
    '3. Obiettivi operativi', '4. Scostamenti e motivazioni', '5. Sterilizzazioni e rideterminazioni',
    '6. Aggiornamenti del piano', '7. Metodo di misurazione', '8. Provenienza dei dati']) {
    check(text.includes(section), `PDF: the section "${section}" is missing`);
  }
  // No word beyond the right margin (14 mm = 39.7 pt), nor before the left one.
  const boxes = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  let words = 0;
  let beyond = [];
  for (const m of boxes.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    words += 1;
    if (Number(m[2]) > 595.28 - 39.7 + 1 || Number(m[1]) < 39.7 - 1) beyond.push(`${m[3]} (${m[1]}–${m[2]})`);
  }
  check(words > 1000, `PDF: only ${words} words of text`);
  check(beyond.length === 0, `PDF: ${beyond.length} words outside the margins, e.g. ${beyond.slice(0, 5).join(', ')}`);
  console.log(`pdf: ${pages} A4 pages, ${words} words inside the margins`);
}

async function checkLarge(path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const started = Date.now();
  await page.goto(pathToFileURL(path).href, { timeout: 120000 });
  const opened = Date.now() - started;
  const facts = await page.evaluate(() => ({
    rows: document.querySelectorAll('tr[data-level="indicator"]').length,
    open: document.querySelectorAll('details.node[open]').length,
    closed: document.querySelectorAll('details.node:not([open])').length,
    scrollWidth: document.documentElement.scrollWidth,
  }));
  check(facts.rows >= 10000, `large plan: ${facts.rows} indicator rows`);
  check(facts.open === 0 && facts.closed > 0, `large plan: ${facts.open} sections open, ${facts.closed} closed`);
  check(facts.scrollWidth <= 1280, `large plan: the page is ${facts.scrollWidth} px wide`);
  // Opening a section answers at once.
  await page.locator('details.node > summary').first().click({ timeout: 30000 });
  console.log(`large plan: ${facts.rows} indicator rows, ${facts.closed} closed sections, opened in ${opened} ms`);
  await page.close();
}
