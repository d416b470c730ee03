/**
 * One step's frames and objects, in the style of Python Tutor: frames on the left (the running one
 * last and marked), objects on the right, a name that refers to an object drawn as a dot with an
 * arrow to it, so two names for one list point at one box. The arrows are SVG, laid over the boxes
 * after they are placed (and again when the panel is resized).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeapObject, TraceStep, TraceValue } from '../../shared/runner/trace/format.ts';

interface Arrow {
  key: string;
  d: string;
}

/** Objects in rows: each row starts at an object a frame refers to, its parts to its right. */
function objectRows(step: TraceStep): number[][] {
  const placed = new Set<number>();
  const rows: number[][] = [];
  const children = (object: HeapObject | undefined): TraceValue[] =>
    object
      ? [
          ...(object.items ?? []),
          ...(object.entries ?? []).flat(),
          ...(object.fields ?? []).map(([, v]) => v),
        ]
      : [];
  const place = (id: number, row: number[]) => {
    if (placed.has(id) || !step.heap[String(id)]) return;
    placed.add(id);
    row.push(id);
    for (const child of children(step.heap[String(id)])) if ('ref' in child) place(child.ref, row);
  };
  const roots: TraceValue[] = [...step.frames.flatMap((f) => f.vars.map(([, v]) => v))];
  if (step.returned) roots.push(step.returned);
  for (const value of roots) {
    if (!('ref' in value) || placed.has(value.ref)) continue;
    const row: number[] = [];
    place(value.ref, row);
    if (row.length) rows.push(row);
  }
  return rows;
}

function Cell({ value, hidden }: { value: TraceValue; hidden?: boolean }) {
  const { t } = useTranslation();
  if (hidden) return <span className="vis-hidden-value">{t('visualise.trace.hidden')}</span>;
  if ('ref' in value) return <span className="vis-pointer" data-target={value.ref} aria-hidden="true" />;
  return (
    <span className={`vis-prim vis-prim-${value.type}`}>
      {value.repr}
      {value.cut ? '…' : ''}
    </span>
  );
}

function ObjectBox({ id, object }: { id: number; object: HeapObject }) {
  const { t } = useTranslation();
  const more = object.omitted && object.omitted > 0 ? t('visualise.more', { n: object.omitted }) : null;
  let body: React.ReactNode;
  if (object.omitted === -1) body = <span className="muted">{t('visualise.cut')}</span>;
  else if (object.kind === 'list' || object.kind === 'tuple' || object.kind === 'set') {
    const items = object.items ?? [];
    body = (
      <table className="vis-seq">
        <tbody>
          {object.kind !== 'set' ? (
            <tr className="vis-index">
              {items.map((_, i) => (
                <td key={i}>{i}</td>
              ))}
              {more ? <td /> : null}
            </tr>
          ) : null}
          <tr>
            {items.length === 0 ? <td className="vis-empty" /> : null}
            {items.map((v, i) => (
              <td key={i}>
                <Cell value={v} />
              </td>
            ))}
            {more ? <td className="muted">{more}</td> : null}
          </tr>
        </tbody>
      </table>
    );
  } else if (object.kind === 'dict' || object.kind === 'object' || object.kind === 'class') {
    const rows: [React.ReactNode, TraceValue][] =
      object.kind === 'dict'
        ? (object.entries ?? []).map(([k, v]) => [<Cell key="k" value={k} />, v])
        : (object.fields ?? []).map(([k, v]) => [k, v]);
    body = (
      <table className="vis-map">
        <tbody>
          {rows.map(([k, v], i) => (
            <tr key={i}>
              <th scope="row">{k}</th>
              <td>
                <Cell value={v} />
              </td>
            </tr>
          ))}
          {more ? (
            <tr>
              <td colSpan={2} className="muted">
                {more}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    );
  } else body = <span className="vis-label">{object.label ?? object.type}</span>;
  const heading =
    object.kind === 'object' || object.kind === 'class'
      ? `${object.type}${object.kind === 'class' ? ` ${object.label}` : ''}`
      : object.type;
  return (
    <div className={`vis-object vis-kind-${object.kind}`} data-object-id={id} data-testid="vis-object">
      <div className="vis-object-type">{heading}</div>
      {body}
    </div>
  );
}

export function HeapDiagram({
  step,
  hidden,
}: {
  step: TraceStep;
  /** A variable whose value is not shown yet (a trace question). */
  hidden?: string;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [arrows, setArrows] = useState<Arrow[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const rows = objectRows(step);

  useLayoutEffect(() => {
    const container = box.current;
    if (!container) return;
    const draw = () => {
      const origin = container.getBoundingClientRect();
      const at = (r: DOMRect) => ({
        x: r.left - origin.left + container.scrollLeft,
        y: r.top - origin.top + container.scrollTop,
      });
      const next: Arrow[] = [];
      container.querySelectorAll<HTMLElement>('.vis-pointer').forEach((dot, i) => {
        const target = container.querySelector<HTMLElement>(`[data-object-id="${dot.dataset.target}"]`);
        if (!target) return;
        const d = dot.getBoundingClientRect();
        const from = at(d);
        const sx = from.x + d.width / 2;
        const sy = from.y + d.height / 2;
        const tr = target.getBoundingClientRect();
        const to = at(tr);
        // Into the box's left edge, or its top when the box is to the left of the dot.
        const leftward = to.x + 4 < sx;
        const tx = leftward ? to.x + Math.min(24, tr.width / 2) : to.x;
        const ty = leftward ? to.y : to.y + Math.min(14, tr.height / 2);
        const bend = Math.max(30, Math.abs(tx - sx) / 2);
        const path = leftward
          ? `M${sx},${sy} C${sx + bend},${sy} ${tx},${ty - 40} ${tx},${ty}`
          : `M${sx},${sy} C${sx + bend},${sy} ${tx - bend},${ty} ${tx},${ty}`;
        next.push({ key: `${i}`, d: path });
      });
      setArrows(next);
      setSize({ width: container.scrollWidth, height: container.scrollHeight });
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(container);
    return () => observer.disconnect();
  }, [step]);

  const current = step.frames.length - 1;
  return (
    <div className="vis-diagram" ref={box} aria-hidden="true" data-testid="visualise-diagram">
      <div className="vis-frames">
        <h3>{t('visualise.frames')}</h3>
        {step.frames.map((frame, i) => (
          <section
            key={frame.id}
            className={`vis-frame${i === current ? ' vis-frame-current' : ''}`}
            data-testid="vis-frame"
          >
            <h4>{frame.name === '<module>' ? t('visualise.globalFrame') : frame.name}</h4>
            {frame.vars.length === 0 && !(i === current && step.returned) ? (
              <p className="muted vis-novars">{t('visualise.noVariables')}</p>
            ) : (
              <table>
                <tbody>
                  {frame.vars.map(([name, value]) => (
                    <tr key={name} data-testid="vis-var" data-name={name} data-frame={frame.name}>
                      <th scope="row">{name}</th>
                      <td>
                        <Cell value={value} hidden={i === current && hidden === name} />
                      </td>
                    </tr>
                  ))}
                  {i === current && step.event === 'return' && step.returned && frame.name !== '<module>' ? (
                    <tr className="vis-return">
                      <th scope="row">{t('visualise.returnValue')}</th>
                      <td>
                        <Cell value={step.returned} />
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
      <div className="vis-heap">
        <h3>{t('visualise.objects')}</h3>
        {rows.map((row, r) => (
          <div className="vis-heap-row" key={r}>
            {row.map((id) => (
              <ObjectBox key={id} id={id} object={step.heap[String(id)] as HeapObject} />
            ))}
          </div>
        ))}
      </div>
      <svg className="vis-arrows" width={size.width} height={size.height} aria-hidden="true">
        <defs>
          <marker
            id="vis-arrowhead"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        </defs>
        {arrows.map((a) => (
          <path key={a.key} d={a.d} markerEnd="url(#vis-arrowhead)" />
        ))}
      </svg>
    </div>
  );
}
