/**
 * Output capture with the caps of protocol.ts, the one implementation for every runner and host
 * (the Python runner, the JavaScript runner, the Node sandbox host): keeps stdout and stderr,
 * counts bytes (UTF-8) and lines across both, and after the cap keeps nothing more but one
 * clear "output truncated" line, so a flood can never blank or freeze the console.
 */
import { OUTPUT_LIMIT_BYTES, OUTPUT_LIMIT_LINES } from './protocol.ts';

export type Stream = 'stdout' | 'stderr';

export const TRUNCATION_NOTICE = `\n[output truncated: more than ${OUTPUT_LIMIT_LINES.toLocaleString('en')} lines or ${OUTPUT_LIMIT_BYTES / 1_000_000} MB]\n`;

/** What one test printed is shown beside it, cut at this many characters with this notice. */
export const TEST_OUTPUT_LIMIT = 65_536;
export const TEST_OUTPUT_NOTICE = '\n[output truncated]\n';

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export class CappedOutput {
  stdout = '';
  stderr = '';
  truncated = false;
  /** Text of the line being written (no newline yet): the prompt an input() call shows. */
  pendingLine = '';
  private bytes = 0;
  private lines = 0;
  private readonly limitBytes: number;
  private readonly limitLines: number;

  constructor(limitBytes = OUTPUT_LIMIT_BYTES, limitLines = OUTPUT_LIMIT_LINES) {
    this.limitBytes = limitBytes;
    this.limitLines = limitLines;
  }

  /** Appends what fits; returns the text actually kept (to stream to the console), '' if none. */
  write(stream: Stream, text: string): string {
    if (this.truncated || text === '') return '';
    let kept = text;
    const newlines = countNewlines(text);
    if (this.bytes + utf8Length(text) > this.limitBytes || this.lines + newlines > this.limitLines) {
      kept = this.fit(text);
      this.truncated = true;
    }
    this.bytes += utf8Length(kept);
    this.lines += countNewlines(kept);
    const shown = this.truncated ? kept + TRUNCATION_NOTICE : kept;
    this[stream] += shown;
    const lastNewline = shown.lastIndexOf('\n');
    this.pendingLine = lastNewline < 0 ? this.pendingLine + shown : shown.slice(lastNewline + 1);
    return shown;
  }

  private fit(text: string): string {
    let end = 0;
    let bytes = this.bytes;
    let lines = this.lines;
    for (const ch of text) {
      const size = utf8Length(ch);
      if (bytes + size > this.limitBytes) break;
      if (ch === '\n') {
        if (lines + 1 > this.limitLines) break;
        lines++;
      }
      bytes += size;
      end += ch.length;
    }
    return text.slice(0, end);
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Replaces lone UTF-16 surrogates (binary garbage pasted into the editor) with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
