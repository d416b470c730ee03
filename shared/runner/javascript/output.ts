/**
 * Output as the learner sees it: streamed to the console as it is printed, kept for the result,
 * and cut at the shared caps (protocol.ts) with one clear "output truncated" line, so a print in
 * an endless loop cannot flood the UI or the host's memory.
 */
import { OUTPUT_LIMIT_BYTES, OUTPUT_LIMIT_LINES } from '../protocol.ts';

export type Stream = 'stdout' | 'stderr';

export const TRUNCATED_NOTICE = `\n[output truncated: more than ${OUTPUT_LIMIT_BYTES / 1_000_000} MB or ${OUTPUT_LIMIT_LINES.toLocaleString('en')} lines]\n`;

/** Per-test output is kept shorter: it is shown beside one test, not in the console. */
const TEST_OUTPUT_LIMIT = 10_000;

/** UTF-8 size of one UTF-16 code unit at `i` (4 for a surrogate pair, counted at its start). */
function unitBytes(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) return 4;
  if (code >= 0xdc00 && code <= 0xdfff && i > 0 && unitBytes(text, i - 1) === 4) return 0;
  return 3;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) bytes += unitBytes(text, i);
  return bytes;
}

/** The longest prefix of `text` within `maxBytes` and `maxLines` newlines. */
function fit(text: string, maxBytes: number, maxLines: number): string {
  if (maxLines <= 0) return '';
  let bytes = 0;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const size = unitBytes(text, i);
    if (bytes + size > maxBytes) return text.slice(0, i);
    bytes += size;
    if (size === 4) i++;
    else if (text.charCodeAt(i) === 10 && ++lines >= maxLines) return text.slice(0, i + 1);
  }
  return text;
}

export class CappedOutput {
  stdout = '';
  stderr = '';
  truncated = false;
  private bytes = 0;
  private lines = 0;
  private readonly sink: (stream: Stream, text: string) => void;
  /** Output of the test that is running, if any. */
  private testOutput: string | null = null;

  constructor(sink: (stream: Stream, text: string) => void) {
    this.sink = sink;
  }

  write(stream: Stream, text: string): void {
    if (this.testOutput !== null && this.testOutput.length < TEST_OUTPUT_LIMIT) {
      this.testOutput += text.slice(0, TEST_OUTPUT_LIMIT - this.testOutput.length);
    }
    if (this.truncated) return;
    const bytes = utf8Length(text);
    let newlines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines++;
    if (this.bytes + bytes <= OUTPUT_LIMIT_BYTES && this.lines + newlines <= OUTPUT_LIMIT_LINES) {
      this.emit(stream, text);
      this.bytes += bytes;
      this.lines += newlines;
      return;
    }
    this.emit(stream, fit(text, OUTPUT_LIMIT_BYTES - this.bytes, OUTPUT_LIMIT_LINES - this.lines));
    this.emit(stream, TRUNCATED_NOTICE);
    this.truncated = true;
  }

  startTest(): void {
    this.testOutput = '';
  }

  /** Ends the running test's capture and returns what it printed. */
  endTest(): string {
    const output = this.testOutput ?? '';
    this.testOutput = null;
    return output;
  }

  private emit(stream: Stream, text: string): void {
    if (text === '') return;
    if (stream === 'stdout') this.stdout += text;
    else this.stderr += text;
    this.sink(stream, text);
  }
}
