/**
 * Reads a track or pack, from a folder or a zip, into memory: relative POSIX path → bytes. The
 * loader, the validator and pack installation all work from this one map, so a zip and a folder
 * behave the same, and an installed pack is exactly the files that were validated.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { ContentError } from '../../../shared/content/errors.ts';
import { problem } from '../../../shared/content/problems.ts';
import type { PackFiles } from '../../../shared/content/load.ts';

export type PackBytes = Map<string, Uint8Array>;

/** Caps that keep a hostile zip (a "zip bomb") from filling memory. */
export const PACK_LIMITS = { files: 5000, bytes: 100 * 1024 * 1024 };

const SKIPPED = new Set(['.git', 'node_modules', '__MACOSX', '.DS_Store', 'Thumbs.db']);

export async function readPack(location: string): Promise<{ files: PackBytes } | { errors: ContentError[] }> {
  let info;
  try {
    info = await stat(location);
  } catch {
    return { errors: [{ file: location, message: 'no such folder or zip file', code: 'no-pack' }] };
  }
  if (info.isDirectory()) return readFolder(location);
  if (location.toLowerCase().endsWith('.zip')) return readZip(location);
  return { errors: [problem({ file: location }, 'not-a-pack')] };
}

async function readFolder(root: string): Promise<{ files: PackBytes } | { errors: ContentError[] }> {
  const files: PackBytes = new Map();
  let total = 0;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path.split('/').some((part) => SKIPPED.has(part))) continue;
    const bytes = await readFile(join(root, path));
    total += bytes.byteLength;
    files.set(path, bytes);
    const over = overLimit(files.size, total, root);
    if (over) return over;
  }
  return { files };
}

async function readZip(file: string): Promise<{ files: PackBytes } | { errors: ContentError[] }> {
  let entries: Record<string, Uint8Array>;
  let total = 0;
  let count = 0;
  try {
    entries = unzipSync(await readFile(file), {
      // Checked on the sizes the zip declares, before anything is inflated.
      filter: (entry) => {
        total += entry.originalSize;
        count += 1;
        return !entry.name.endsWith('/');
      },
    });
  } catch (error) {
    return {
      errors: [{ file, message: `not a readable zip file (${(error as Error).message})`, code: 'bad-zip' }],
    };
  }
  const over = overLimit(count, total, file);
  if (over) return over;

  const files: PackBytes = new Map();
  for (const [name, bytes] of Object.entries(entries)) {
    const path = name.replace(/\\/g, '/');
    const parts = path.split('/');
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || parts.includes('..'))
      return { errors: [problem({ file: `${file}!${name}` }, 'zip-escape')] };
    if (parts.some((part) => SKIPPED.has(part))) continue;
    files.set(path, bytes);
  }
  return { files: withoutCommonFolder(files) };
}

/** A zip made by compressing the pack folder has everything under `<folder>/`; drop that prefix. */
function withoutCommonFolder(files: PackBytes): PackBytes {
  if (files.has('track.yaml')) return files;
  const tops = new Set([...files.keys()].map((path) => path.split('/')[0]));
  const [top] = tops;
  if (tops.size !== 1 || top === undefined || !files.has(`${top}/track.yaml`)) return files;
  return new Map([...files].map(([path, bytes]) => [path.slice(top.length + 1), bytes]));
}

function overLimit(count: number, bytes: number, where: string): { errors: ContentError[] } | undefined {
  if (count > PACK_LIMITS.files)
    return { errors: [problem({ file: where }, 'too-many-files', { limit: PACK_LIMITS.files })] };
  if (bytes > PACK_LIMITS.bytes)
    return { errors: [problem({ file: where }, 'too-large', { mb: PACK_LIMITS.bytes / 1024 / 1024 })] };
  return undefined;
}

const decoder = new TextDecoder();

/** The text view the loader reads. */
export function textOf(files: PackBytes): PackFiles {
  return new Map([...files].map(([path, bytes]) => [path, decoder.decode(bytes)]));
}
