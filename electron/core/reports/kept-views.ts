/**
 * Class views kept built until the data may have changed (decision 0054). Half of building a
 * view of hundreds of learners is parsing their stored rows; a view is built again only when
 * SQLite says the data changed since, or the course order it follows did.
 */
import type { Db } from '../store/database.ts';
import type { ClassView } from '../../../shared/api/calls/classes.ts';
import type { ViewOrder } from './class-view.ts';

/** How many class views are kept built: a few classes, each with a track or two. */
const VIEWS_KEPT = 8;

export class KeptViews {
  /** By class and track asked for, with the data revision and course order each was built from. */
  private readonly views = new Map<string, { revision: string; order: string; view: ClassView }>();
  private readonly changes: () => number;
  private readonly dataVersion: () => number;

  constructor(db: Db) {
    // The revision counts every row this connection wrote (an import, an accepted or dropped
    // held report, a removed learner or class, anything else) and every commit of another
    // connection to the same file (a restore, the command line).
    const changes = db.prepare('SELECT total_changes()').pluck();
    this.changes = () => changes.get() as number;
    this.dataVersion = () => db.pragma('data_version', { simple: true }) as number;
  }

  /** The view kept for `key` while nothing changed, else `build()`'s, kept. */
  get(key: string, orderOf: (track: string) => ViewOrder | undefined, build: () => ClassView): ClassView {
    const kept = this.views.get(key);
    if (kept?.revision === this.revision() && kept.order === orderKey(kept.view.track, orderOf))
      return kept.view;
    // Another connection's commits are counted from before the build (one that lands during it
    // may be missing from the view, so the next open builds again); this connection's own
    // writes from after it (a build that first writes rows for older learners is kept too).
    const otherCommitsBefore = this.dataVersion();
    const view = build();
    this.views.delete(key);
    if (this.views.size >= VIEWS_KEPT) this.views.delete(this.views.keys().next().value!);
    this.views.set(key, {
      revision: this.revision(otherCommitsBefore),
      order: orderKey(view.track, orderOf),
      view,
    });
    return view;
  }

  private revision(dataVersion = this.dataVersion()): string {
    return `${this.changes()}/${dataVersion}`;
  }
}

/** The course order a view of `track` follows, as one string to compare. */
function orderKey(track: string | null, orderOf: (track: string) => ViewOrder | undefined): string {
  const order = track === null ? undefined : orderOf(track);
  return JSON.stringify([order?.exercises ?? null, order?.concepts ?? null]);
}
