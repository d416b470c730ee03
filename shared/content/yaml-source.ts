/**
 * YAML parsed with its positions kept, so a problem in a value can be reported at its line.
 * Front matter sits a few lines into its file; `firstLine` shifts reported lines to the file's.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { ContentError } from './errors.ts';
import { knownCode, problem } from './problems.ts';

export interface YamlSource {
  /** The parsed value (undefined when the YAML could not be parsed). */
  value: unknown;
  /** Syntax errors, with file lines. */
  errors: ContentError[];
  /** The file line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * @param file reported in errors
 * @param firstLine the file line the YAML text starts on (1 for a whole .yaml file)
 */
export function parseYamlSource(text: string, file: string, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  // The parser's English stays for the command line; the page words its code (packs.yaml).
  const errors: ContentError[] = doc.errors.map((e) =>
    problem({ file, line: toFileLine(e.pos[0]) }, 'yaml-syntax', {
      yaml: knownCode('yaml', e.code),
      detail: e.message.split('\n')[0] ?? '',
    }),
  );
  return {
    value: errors.length ? undefined : doc.toJS(),
    errors,
    lineOf: (path) => toFileLine(offsetOf(doc, path)),
  };
}

/** A field is reported at its key's line (a list or block value starts below it); a list item at its own. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part),
      );
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
      node = node.items[part];
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
