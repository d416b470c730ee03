/**
 * The step view's code pane. Monaco loads in its own chunk, and making an editor takes tens of
 * milliseconds: the first frame shows the code as text with the same two lines marked, so the
 * first step is on screen without waiting for it, and Monaco takes over once that frame is painted.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { withMonacoWords } from '../editor/monaco-words.ts';

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

const TraceCodeMonaco = lazy(() => withMonacoWords(() => import('./TraceCodeMonaco.tsx')));

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

/** False until the frame after the first render has been painted. */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from requestAnimationFrame runs once that frame has been drawn.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

export function TraceCode(props: TraceCodeProps) {
  const painted = usePainted();
  if (!painted) return <PlainCode {...props} />;
  return (
    <Suspense fallback={<PlainCode {...props} />}>
      <TraceCodeMonaco {...props} />
    </Suspense>
  );
}
