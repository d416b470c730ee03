/**
 * The process the restore-kill test kills: opens the live database as the app does and restores
 * a backup into it, killing itself with SIGKILL right after the named step (no cleanup, no
 * finally blocks: as if the power went). With "none" it completes and prints "restored".
 * Run: node restore-killed.ts <live database> <backup file> <step|none>
 */
import { openDatabase } from '../../../electron/core/store/database.ts';
import { restoreBackup } from '../../../electron/core/store/backup.ts';

const [live, backup, killAt] = process.argv.slice(2);
if (!live || !backup || !killAt) throw new Error('usage: node restore-killed.ts <live> <backup> <step|none>');
const { db } = openDatabase(live);
await restoreBackup(db, live, backup, {
  // Small steps: the kill in "replacing" lands when three quarters of the pages are copied and
  // the copy's write transaction on the live file is open, not yet committed.
  pagesPerStep: 16,
  afterStep: (step, pages) => {
    if (step !== killAt) return;
    if (pages && pages.remaining > pages.total / 4) return;
    process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('restored\n');
db.close();
