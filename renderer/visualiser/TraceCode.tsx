/**
 * The step view's code pane. Monaco loads in its own chunk; until it has, the code is shown as
 * text with the same two lines marked.
 */
import { lazy, Suspense } from 'react';

export interface TraceCodeProps {
  code: string;
  language: string;
  fileName: string;
  fontSize: number;
  label: string;
  /** The line about to run. */
  line?: number;
  /** The line that ran just before. */
  prevLine?: number;
  /** The step raised an exception at `line`. */
  exception?: boolean;
}

const TraceCodeMonaco = lazy(() => import('./TraceCodeMonaco.tsx'));

function PlainCode(props: TraceCodeProps) {
  return (
    <pre className="vis-code-plain" aria-label={props.label}>
      {props.code.split('\n').map((text, i) => (
        <div
          key={i}
          className={
            i + 1 === props.line ? 'vis-line-next' : i + 1 === props.prevLine ? 'vis-line-prev' : undefined
          }
        >
          {text || ' '}
        </div>
      ))}
    </pre>
  );
}

export function TraceCode(props: TraceCodeProps) {
  return (
    <Suspense fallback={<PlainCode {...props} />}>
      <TraceCodeMonaco {...props} />
    </Suspense>
  );
}
