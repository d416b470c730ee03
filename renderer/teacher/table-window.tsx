/**
 * A table inside a scrolling frame draws only the rows the frame shows, and, for a wide table,
 * only the columns it shows, plus a margin; spacers keep the scroll size true. A class of 300
 * learners by 60 exercises is 18,000 cells, and even the rows in view of all 60 columns took the
 * page a third of a second to lay out, while the frame shows about ten exercise columns.
 * Every windowed row has one height and every windowed column one width (class-view.css).
 */
import { useLayoutEffect, useState, type ReactNode } from 'react';

/** The drawn part of a list: items first..last-1. */
export interface Span {
  first: number;
  last: number;
}

const MARGIN_ROWS = 4;
const MARGIN_COLUMNS = 1;

export interface WindowedColumns {
  count: number;
  width: number;
  /**
   * Where in the table the windowed columns start, read after layout: the columns before them
   * (a learner's name and figures) take the width their text needs.
   */
  start: (frame: HTMLElement) => number;
}

/** The rows (and columns) of a table its frame shows; `setFrame` is the frame's ref. */
export function useTableWindow(rows: { count: number; height: number }, columns?: WindowedColumns) {
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  // Before the frame is laid out: about what the widest frame shows (640 px high, 1,050 px wide
  // of which the learners' names and figures take about half).
  const [span, setSpan] = useState<{ rows: Span; columns: Span }>({
    rows: { first: 0, last: Math.min(rows.count, Math.ceil(640 / rows.height) + MARGIN_ROWS) },
    columns: { first: 0, last: Math.min(columns?.count ?? 0, 6 + MARGIN_COLUMNS) },
  });
  const rowCount = rows.count;
  const rowHeight = rows.height;
  const columnCount = columns?.count ?? 0;
  const columnWidth = columns?.width ?? 1;
  const columnStart = columns?.start;
  useLayoutEffect(() => {
    if (!frame) return;
    const update = () => {
      const top = frame.scrollTop;
      const r = {
        first: Math.max(0, Math.floor(top / rowHeight) - MARGIN_ROWS),
        last: Math.min(rowCount, Math.ceil((top + frame.clientHeight) / rowHeight) + MARGIN_ROWS),
      };
      let c = { first: 0, last: 0 };
      if (columnCount && columnStart) {
        const left = frame.scrollLeft - columnStart(frame);
        c = {
          first: Math.min(columnCount, Math.max(0, Math.floor(left / columnWidth) - MARGIN_COLUMNS)),
          last: Math.min(
            columnCount,
            Math.max(0, Math.ceil((left + frame.clientWidth) / columnWidth) + MARGIN_COLUMNS),
          ),
        };
      }
      setSpan((s) =>
        same(s.rows, r) && same(s.columns, c)
          ? s
          : { rows: same(s.rows, r) ? s.rows : r, columns: same(s.columns, c) ? s.columns : c },
      );
    };
    update();
    frame.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(frame);
    return () => {
      frame.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [frame, rowCount, rowHeight, columnCount, columnWidth, columnStart]);
  return { setFrame, rows: span.rows, columns: span.columns };
}

const same = (a: Span, b: Span) => a.first === b.first && a.last === b.last;

/** The rows of `rows` the window shows, with spacer rows keeping the scroll height true. */
export function windowed<T>(
  rows: readonly T[],
  w: Span,
  rowHeight: number,
  columns: number,
  draw: (row: T, index: number) => ReactNode,
) {
  const spacer = (n: number, key: string) =>
    n > 0 ? (
      <tr key={key} className="spacer" aria-hidden="true" style={{ height: n * rowHeight }}>
        <td colSpan={columns} />
      </tr>
    ) : null;
  return [
    spacer(w.first, 'top'),
    ...rows.slice(w.first, w.last).map((r, i) => draw(r, w.first + i)),
    spacer(rows.length - Math.min(rows.length, w.last), 'bottom'),
  ];
}

/**
 * A cell standing in for `n` columns left out of a row, as wide as they would be; hidden from
 * assistive technology, which learns the left-out columns from aria-colcount and aria-colindex.
 */
export function ColumnSpacer({ n, width, head }: { n: number; width: number; head?: boolean }) {
  if (n <= 0) return null;
  const Cell = head ? 'th' : 'td';
  return (
    <Cell className="column-spacer" aria-hidden="true">
      <div style={{ width: n * width }} />
    </Cell>
  );
}
