/**
 * The class matrix's rows: the learners that pass the filter (name or student ID, "only stuck"),
 * sorted by the heading chosen. The mastery table follows the same rows.
 */
import { useCallback, useMemo, useState } from 'react';
import { readCell, type ClassView as View, type MatrixCell } from '../../shared/api/contract.ts';
import type { UiLocale } from '../i18n/format.ts';
import type { Sort, SortKey } from './ClassMatrix.tsx';

type Row = View['learners'][number];

/** Sorts an exercise column: done first, then fewer failed checks; not started last. */
const cellRank = (c: MatrixCell | null) => {
  if (c === null) return -1e9;
  const { done, failedChecks } = readCell(c);
  return (done ? 1e6 : 0) - failedChecks;
};

export function useClassRows(view: View | null, locale: UiLocale) {
  const [filter, setFilter] = useState('');
  const [onlyStuck, setOnlyStuck] = useState(false);
  const [sort, setSort] = useState<Sort>({ key: 'name', up: true });
  const onSort = useCallback(
    (key: SortKey) => setSort((s) => ({ key, up: s.key === key ? !s.up : true })),
    [],
  );

  const rows = useMemo(() => {
    if (!view) return [];
    // One collator for the whole sort: localeCompare with a locale builds one per call, which
    // made sorting 300 learners take seconds.
    const collator = new Intl.Collator(locale === 'zh' ? 'zh-CN' : 'en', {
      sensitivity: 'base',
      numeric: true,
    });
    const needle = filter.trim().toLowerCase();
    const shown = view.learners.filter(
      (l) =>
        (!onlyStuck || l.stuck) &&
        (!needle ||
          l.name.toLowerCase().includes(needle) ||
          (l.studentId ?? '').toLowerCase().includes(needle)),
    );
    const value = (l: Row): string | number => {
      const k = sort.key;
      if (typeof k === 'number') return cellRank(l.cells[k] ?? null);
      if (k === 'name') return l.name;
      if (k === 'studentId') return (l.studentId ?? '').toLowerCase();
      if (k === 'done') return l.completed;
      if (k === 'time') return l.activeMs;
      if (k === 'hints') return l.hints;
      return l.lastActiveAt ?? '';
    };
    return shown.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return (sort.up ? c : -c) || collator.compare(a.name, b.name);
    });
  }, [view, filter, onlyStuck, sort, locale]);

  return { rows, filter, setFilter, onlyStuck, setOnlyStuck, sort, onSort };
}
