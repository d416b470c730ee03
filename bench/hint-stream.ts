/**
 * A streamed hint through the real UI in Debian's Chromium, against web mode pointed at the fake
 * Messages API (which adds a fixed latency and streams the hint in small chunks with a pause
 * between them, as a model writes):
 *
 * - from the Hint click to the request reaching the fake (target ≤ 30 ms);
 * - from each text delta being written by the fake to its text being on screen (target ≤ 16 ms
 *   from arriving: this figure also holds the loopback hop and the SDK's parsing, so it is an
 *   upper bound).
 *
 * Page and bench clocks are both wall-clock based (performance.timeOrigin + now()); the offset
 * between them is measured with round trips and its uncertainty printed. Needs a built renderer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { errorReply, startFakeAnthropic, textReply } from '../tests/fake-anthropic/server.ts';
import { launchBrowser, openPage, ROOT, startApp } from '../tests/e2e/harness.ts';

const LATENCY_MS = 40;
const CHUNK_DELAY_MS = 50;
const EXERCISES = ['clamp', 'count-vowels', 'countdown', 'factorial', 'flatten', 'average-of-three'];
// Plain text, so what is on screen can be compared with what was sent character for character.
const HINT =
  'Look closely at what your code does with the second value. Which line decides what gets printed, ' +
  'and is that line reached when the value is above the limit? Try it with a small example first.';

const epoch = (now: number) => performance.timeOrigin + now;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const line = (what: string, value: string, compare: string) =>
  console.log(`${what.padEnd(52)} ${value.padStart(10)}   ${compare}`);
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Page clock minus bench clock, from the round trip with the smallest span. */
async function clockOffset(page: Page): Promise<{ offset: number; uncertainty: number }> {
  let best = { offset: 0, uncertainty: Infinity };
  for (let i = 0; i < 20; i++) {
    const before = epoch(performance.now());
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = epoch(performance.now());
    const uncertainty = (after - before) / 2;
    if (uncertainty < best.uncertainty) best = { offset: pageNow - (before + after) / 2, uncertainty };
  }
  return best;
}

/** Clicks "Get a hint" and records, on the page clock, the click and every change of the hint text. */
async function hintOnScreen(
  page: Page,
): Promise<{ clickAt: number; changes: { at: number; text: string }[] }> {
  return page.evaluate(
    () =>
      new Promise<{ clickAt: number; changes: { at: number; text: string }[] }>((resolve, reject) => {
        const panel = document.querySelector('[data-testid="hint-panel"]')!;
        const body = panel.querySelector('[data-testid="hint-text"]')!;
        const button = panel.querySelector<HTMLButtonElement>('[data-testid="hint-request"]')!;
        const changes: { at: number; text: string }[] = [];
        const timer = setTimeout(() => reject(new Error('the hint did not finish in 30 s')), 30_000);
        const observer = new MutationObserver(() => {
          const at = performance.timeOrigin + performance.now();
          changes.push({ at, text: body.textContent ?? '' });
          if (body.getAttribute('aria-busy') === 'false' && (body.textContent ?? '').length > 0) {
            clearTimeout(timer);
            observer.disconnect();
            resolve({ clickAt, changes });
          }
        });
        observer.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
        const clickAt = performance.timeOrigin + performance.now();
        button.click();
      }),
  );
}

async function main() {
  const source = process.env.LANTERN_RENDERER_DIR ?? path.join(ROOT, 'out/renderer');
  if (!fs.existsSync(path.join(source, 'index.html'))) throw new Error('Build the app first: npm run build');
  const fake = await startFakeAnthropic({
    latencyMs: LATENCY_MS,
    // Practice prefetch (a tool call) is refused as a bad request: it falls back to templates
    // offline and does not interleave with the hints.
    fallback: (req) =>
      req.body?.tools
        ? errorReply(400)
        : textReply(
            HINT,
            { input_tokens: 700, output_tokens: 60 },
            { chunkSize: 6, chunkDelayMs: CHUNK_DELAY_MS },
          ),
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-hints-'));
  const app = await startApp(path.join(work, 'data'), {
    ANTHROPIC_API_KEY: 'sk-bench',
    ANTHROPIC_BASE_URL: fake.url,
    LANTERN_RENDERER_DIR: source,
  });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await openPage(browser, app.launchUrl);
    await page.waitForFunction(() => location.hash.startsWith('#/learn'));
    const toRequest: number[] = [];
    const toScreen: number[] = [];
    let uncertainty = 0;
    for (const exercise of EXERCISES) {
      await page.evaluate((id) => (location.hash = `#/learn/python/${id}`), exercise);
      await page.locator('.runtime-state', { hasText: 'Ready' }).waitFor({ timeout: 120_000 });
      await page.getByTestId('hint-request').waitFor();
      await page.waitForTimeout(300);
      const clock = await clockOffset(page);
      uncertainty = Math.max(uncertainty, clock.uncertainty);
      const requestsBefore = fake.requests.length;
      const deltasBefore = fake.sentDeltas.length;
      const seen = await hintOnScreen(page);
      const request = fake.requests[requestsBefore];
      if (request) toRequest.push(epoch(request.receivedAt) - (seen.clickAt - clock.offset));
      // Each delta is on screen when the text shown first holds everything sent up to it.
      const streamed = fake.sentDeltas.slice(deltasBefore);
      const deltas = streamed.filter((d) => d.requestId === streamed[0]?.requestId);
      let sent = '';
      for (const delta of deltas) {
        sent += delta.text;
        const want = sent.replace(/\s+/g, ' ').trim();
        const shown = seen.changes.find((c) => c.text.replace(/\s+/g, ' ').includes(want));
        if (shown) toScreen.push(shown.at - clock.offset - epoch(delta.sentAt));
      }
    }
    console.log(
      `Streamed hints in Debian Chromium, web mode, fake latency ${LATENCY_MS} ms, a chunk every ${CHUNK_DELAY_MS} ms; ${EXERCISES.length} hints, ${toScreen.length} chunks`,
    );
    console.log(`${'figure'.padEnd(52)} ${'value'.padStart(10)}   target / anchor`);
    line('Hint click to the request at the fake, median', ms(quantile(toRequest, 0.5)), '≤ 30 ms');
    line('Chunk written by the fake to on screen, median', ms(quantile(toScreen, 0.5)), '≤ 16 ms');
    line('  95th percentile', ms(quantile(toScreen, 0.95)), '');
    line('  worst', ms(Math.max(...toScreen)), '');
    line('  clock offset uncertainty', `±${uncertainty.toFixed(1)} ms`, 'page vs bench clock');
  } finally {
    await browser?.close();
    await app.stop();
    await fake.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
