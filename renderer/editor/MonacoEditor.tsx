/** The Monaco editor behind CodeEditor (see there), in its own chunk. */
import { useEffect, useRef } from 'react';
import { monaco, monacoLanguage, monacoTheme } from './monaco.ts';
import type { CodeEditorProps } from './CodeEditor.tsx';

export default function MonacoEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Handlers bound inside Monaco call the latest props, not the ones of the first render.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const uri = monaco.Uri.parse(`file:///${props.path}`);
    const model =
      monaco.editor.getModel(uri) ??
      monaco.editor.createModel(props.value, monacoLanguage(props.language), uri);
    if (model.getValue() !== props.value) model.setValue(props.value);
    const instance = monaco.editor.create(host.current!, {
      model,
      theme: monacoTheme(),
      fontSize: props.fontSize,
      readOnly: props.readOnly ?? false,
      minimap: { enabled: false },
      automaticLayout: true,
      scrollBeyondLastLine: false,
      tabSize: 4,
      insertSpaces: true,
      ariaLabel: props.label,
      fixedOverflowWidgets: true,
    });
    editor.current = instance;
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun?.());
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () =>
      latest.current.onCheck?.(),
    );
    const changes = instance.onDidChangeModelContent(() => latest.current.onChange?.(instance.getValue()));
    // Follow the app's theme when it changes (Settings, or the OS).
    const themeWatch = new MutationObserver(() => monaco.editor.setTheme(monacoTheme()));
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      themeWatch.disconnect();
      changes.dispose();
      instance.dispose();
      editor.current = null;
    };
    // The editor is made once per exercise path; value changes from outside go through setValue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.path]);

  useEffect(() => {
    const instance = editor.current;
    if (instance && instance.getValue() !== props.value) instance.setValue(props.value);
  }, [props.value]);

  useEffect(() => {
    editor.current?.updateOptions({ fontSize: props.fontSize, readOnly: props.readOnly ?? false });
  }, [props.fontSize, props.readOnly]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'lantern',
      (props.markers ?? []).map((m) => {
        const line = Math.min(Math.max(1, m.line), model.getLineCount());
        return {
          severity: monaco.MarkerSeverity.Error,
          message: m.message,
          startLineNumber: line,
          startColumn: m.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1,
          endLineNumber: line,
          endColumn: model.getLineMaxColumn(line),
        };
      }),
    );
  }, [props.markers]);

  return <div className="code-editor" ref={host} data-testid="code-editor" />;
}
