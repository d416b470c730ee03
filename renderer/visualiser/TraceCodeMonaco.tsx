/** The step view's code: read-only Monaco with the line about to run and the line just run marked. */
import { useEffect, useRef } from 'react';
import { monaco, monacoLanguage, monacoTheme } from '../editor/monaco.ts';
import type { TraceCodeProps } from './TraceCode.tsx';

let models = 0;

export default function TraceCodeMonaco(props: TraceCodeProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  useEffect(() => {
    // A model of its own: the learner's editor keeps its undo history and markers.
    const model = monaco.editor.createModel(
      props.code,
      monacoLanguage(props.language),
      monaco.Uri.parse(`file:///visualise/${++models}/${props.fileName}`),
    );
    const instance = monaco.editor.create(host.current!, {
      model,
      theme: monacoTheme(),
      fontSize: props.fontSize,
      readOnly: true,
      domReadOnly: true,
      minimap: { enabled: false },
      automaticLayout: true,
      scrollBeyondLastLine: false,
      glyphMargin: true,
      lineNumbersMinChars: 3,
      folding: false,
      renderLineHighlight: 'none',
      ariaLabel: props.label,
      fixedOverflowWidgets: true,
    });
    editor.current = instance;
    decorations.current = instance.createDecorationsCollection();
    const themeWatch = new MutationObserver(() => monaco.editor.setTheme(monacoTheme()));
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      themeWatch.disconnect();
      instance.dispose();
      model.dispose();
      editor.current = null;
    };
    // One editor per opened view; a new program opens a new view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.code]);

  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model) return;
    const clamp = (line: number) => Math.min(Math.max(1, line), model.getLineCount());
    const marks: monaco.editor.IModelDeltaDecoration[] = [];
    if (props.prevLine !== undefined && props.prevLine !== props.line) {
      marks.push({
        range: new monaco.Range(clamp(props.prevLine), 1, clamp(props.prevLine), 1),
        options: { isWholeLine: true, className: 'vis-line-prev', glyphMarginClassName: 'vis-glyph-prev' },
      });
    }
    if (props.line !== undefined) {
      marks.push({
        range: new monaco.Range(clamp(props.line), 1, clamp(props.line), 1),
        options: {
          isWholeLine: true,
          className: props.exception ? 'vis-line-error' : 'vis-line-next',
          glyphMarginClassName: props.exception ? 'vis-glyph-error' : 'vis-glyph-next',
        },
      });
      instance.revealLineInCenterIfOutsideViewport(clamp(props.line));
    }
    decorations.current?.set(marks);
  }, [props.line, props.prevLine, props.exception, props.code]);

  useEffect(() => {
    editor.current?.updateOptions({ fontSize: props.fontSize });
  }, [props.fontSize]);

  return <div className="vis-code-editor" ref={host} data-testid="visualise-code" />;
}
