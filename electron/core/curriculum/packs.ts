/**
 * Installing a pack whole or not at all: its files are written to a staging folder inside
 * packsDir, then renamed into place in one step. A crash leaves a staging folder, never a half
 * pack; staging leftovers are swept on the next start.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PackBytes } from './pack-files.ts';

const STAGING = '.staging-';
const RETIRED = '.retired-';

export async function writePack(packsDir: string, id: string, files: PackBytes): Promise<void> {
  await mkdir(packsDir, { recursive: true });
  const staging = join(packsDir, `${STAGING}${randomUUID()}`);
  try {
    for (const [path, bytes] of files) {
      const target = join(staging, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
    await replaceFolder(staging, join(packsDir, id), packsDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export async function deletePack(packsDir: string, id: string): Promise<void> {
  const retired = join(packsDir, `${RETIRED}${randomUUID()}`);
  await rename(join(packsDir, id), retired);
  await rm(retired, { recursive: true, force: true });
}

/** Removes what an interrupted install or removal left behind. */
export async function sweepPacksDir(packsDir: string): Promise<void> {
  const entries = await readdir(packsDir).catch(() => [] as string[]);
  for (const name of entries)
    if (name.startsWith(STAGING) || name.startsWith(RETIRED))
      await rm(join(packsDir, name), { recursive: true, force: true });
}

/** An existing pack of the same id is replaced: it is moved aside, the new one renamed in. */
async function replaceFolder(source: string, target: string, packsDir: string): Promise<void> {
  const retired = join(packsDir, `${RETIRED}${randomUUID()}`);
  const hadOld = await rename(target, retired).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  try {
    await rename(source, target);
  } catch (error) {
    if (hadOld) await rename(retired, target);
    throw error;
  }
  if (hadOld) await rm(retired, { recursive: true, force: true });
}
