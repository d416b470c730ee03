/**
 * Two outputs side by side, line by line, the lines that differ marked (in colour, with a sign,
 * and in words for screen readers): what a program-output exercise should print beside what it
 * printed, or what a predict step's code prints beside the learner's prediction. Lines are
 * compared as the runner compares them (shared/runner/output-check.ts) and aligned by jsdiff, so
 * one missing line at the top does not mark every line after it.
 */
import { diffArrays } from 'diff';
import { useTranslation } from 'react-i18next';
import { outputLines } from '../../shared/runner/output-check.ts';

interface Side {
  /** 1-based line number on this side. */
  n: number;
  text: string;
}
interface Row {
  left?: Side;
  right?: Side;
  differs: boolean;
}

/** The aligned rows: equal lines share a row; a changed stretch pairs its lines up in order. */
export function alignLines(left: readonly string[], right: readonly string[]): Row[] {
  const rows: Row[] = [];
  let l = 0;
  let r = 0;
  let removed: Side[] = [];
  let added: Side[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const row: Row = { differs: true };
      if (removed[i]) row.left = removed[i];
      if (added[i]) row.right = added[i];
      rows.push(row);
    }
    removed = [];
    added = [];
  };
  for (const part of diffArrays([...left], [...right])) {
    for (const text of part.value) {
      if (part.removed) removed.push({ n: ++l, text });
      else if (part.added) added.push({ n: ++r, text });
      else {
        flush();
        rows.push({ left: { n: ++l, text }, right: { n: ++r, text }, differs: false });
      }
    }
  }
  flush();
  return rows;
}

function Cell({ side }: { side: Side | undefined }) {
  const { t } = useTranslation();
  if (!side) return <td className="output-none">{t('runner.output.noLine')}</td>;
  return (
    <td>
      <span className="line-no">
        <span className="visually-hidden">{t('runner.output.line')} </span>
        {side.n}
      </span>
      {side.text}
    </td>
  );
}

export function OutputDiff({
  expected,
  actual,
  labels,
}: {
  /** The output that is right (left column). */
  expected: string;
  /** The output to compare with it (right column). */
  actual: string;
  /** Column headings; by default "Expected" and "Your output". */
  labels?: { expected: string; actual: string };
}) {
  const { t } = useTranslation();
  const rows = alignLines(outputLines(expected), outputLines(actual));
  if (rows.length === 0) rows.push({ differs: false });
  return (
    <table className="output-diff">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('runner.output.mark')}</span>
          </th>
          <th scope="col">{labels?.expected ?? t('runner.output.expected')}</th>
          <th scope="col">{labels?.actual ?? t('runner.output.actual')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr
            key={i}
            className={row.differs ? 'line-differs' : undefined}
            data-differs={row.differs || undefined}
          >
            <th scope="row">
              <span aria-hidden="true">{row.differs ? '≠' : ''}</span>
              <span className="visually-hidden">
                {t(row.differs ? 'runner.output.differs' : 'runner.output.same')}
              </span>
            </th>
            <Cell side={row.left} />
            <Cell side={row.right} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
