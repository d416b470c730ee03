/**
 * The learner's editor: Monaco with the exercise's language, the app's theme and font size,
 * Run (Ctrl/Cmd+Enter) and Check (Ctrl/Cmd+Shift+Enter) bound inside it, and error markers.
 * Monaco is several megabytes, so it loads when the first editor appears, not with the app;
 * until then the code is shown as text.
 */
import { lazy, Suspense } from 'react';
import { withMonacoWords } from './monaco-words.ts';

export interface EditorMarker {
  line: number;
  column?: number;
  message: string;
}

export interface CodeEditorProps {
  value: string;
  language: string;
  /** A stable model path, so Monaco keeps one model (and undo history) per exercise. */
  path: string;
  fontSize: number;
  readOnly?: boolean;
  label: string;
  markers?: EditorMarker[];
  onChange?: (value: string) => void;
  onRun?: () => void;
  onCheck?: () => void;
}

const MonacoEditor = lazy(() => withMonacoWords(() => import('./MonacoEditor.tsx')));

export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <pre className="code-editor code-editor-loading" aria-label={props.label}>
          {props.value}
        </pre>
      }
    >
      <MonacoEditor {...props} />
    </Suspense>
  );
}
