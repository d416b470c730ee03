/**
 * The lesson's resizable panes (decision 0047): the prose beside the work, and in the workspace
 * the editor above the console and results. Each boundary is a separator (react-resizable-panels)
 * that can be dragged, or focused with Tab and moved with the arrow keys, Home and End; it carries
 * role="separator" and aria-valuenow/min/max. Each pane keeps a usable minimum in pixels, so none
 * collapses in a small window, and the sizes are the learner's own, saved with their settings.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Panel, Separator, type Layout } from 'react-resizable-panels';
import { useApp } from '../app/context.ts';
import { DEFAULT_SETTINGS, type LessonLayout } from '../../shared/api/contract.ts';
import './panes.css';

/** Smallest sizes in CSS pixels at which each pane still does its job. */
const MIN_PX = { prose: 240, work: 440, editor: 120, output: 160 } as const;

/** The layout key one group saves, and the ids of its two panels in order. */
const GROUPS = {
  prose: ['pane-prose', 'pane-work'],
  editor: ['pane-editor', 'pane-output'],
} as const satisfies Record<keyof LessonLayout, readonly [string, string]>;

/** The learner's size for one group's first panel, and a way to save a new one. */
function useSavedSplit(key: keyof LessonLayout) {
  const { settings, updateSettings } = useApp();
  const [first, second] = GROUPS[key];
  const size = settings.lessonLayout[key];
  const save = useCallback(
    (layout: Layout, meta: { isUserInteraction: boolean; requestedLayout?: Layout | undefined }) => {
      // Only what the learner did: a window too small for the saved sizes squeezes them for
      // now, and the requested sizes come back when it grows again.
      if (!meta.isUserInteraction) return;
      const next = (meta.requestedLayout ?? layout)[first];
      if (next === undefined || Math.abs(next - size) < 0.1) return;
      void updateSettings({ lessonLayout: { [key]: clamp(next) } }).catch(
        () => undefined, // the layout still applies on screen; it is only not remembered
      );
    },
    [first, key, size, updateSettings],
  );
  return { defaultLayout: { [first]: size, [second]: 100 - size }, save };
}

const clamp = (percent: number) => Math.min(95, Math.max(5, Math.round(percent * 10) / 10));

interface PaneProps {
  children?: React.ReactNode;
}

/** The lesson's text, questions and navigation: the first child of LessonPanes. */
export function ProsePane({ children }: PaneProps) {
  return (
    <Panel
      id={GROUPS.prose[0]}
      className="lesson-prose"
      minSize={MIN_PX.prose}
      defaultSize={`${DEFAULT_SETTINGS.lessonLayout.prose}%`}
    >
      {children}
    </Panel>
  );
}

/** The code to write or read: the second child of LessonPanes. */
export function WorkPane({ children }: PaneProps) {
  return (
    <Panel id={GROUPS.prose[1]} className="lesson-work" minSize={MIN_PX.work}>
      {children}
    </Panel>
  );
}

/**
 * A lesson-like page (a lesson, a practice problem, the placement check): its prose beside its
 * work with a separator between. With no work (an explanation to read), the prose takes the page.
 */
export function LessonPanes({
  children: [prose, work],
  ...section
}: React.HTMLAttributes<HTMLElement> & {
  children: [React.ReactElement<PaneProps>, React.ReactElement<PaneProps>];
  'data-type'?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const { defaultLayout, save } = useSavedSplit('prose');
  const hasWork = work.props.children !== null && work.props.children !== undefined;
  return (
    <section {...section}>
      {hasWork ? (
        <Group
          className="panes"
          orientation="horizontal"
          defaultLayout={defaultLayout}
          onLayoutChanged={save}
          data-testid="lesson-panes"
        >
          {prose}
          <Separator
            className="pane-separator"
            aria-label={t('panes.proseWork')}
            data-testid="separator-prose"
          />
          {work}
        </Group>
      ) : (
        <div className="lesson-prose lesson-prose-only">{prose.props.children}</div>
      )}
    </section>
  );
}

/** The editor above the console and results. */
export function WorkspacePanes({ editor, output }: { editor: React.ReactNode; output: React.ReactNode }) {
  const { t } = useTranslation();
  const { defaultLayout, save } = useSavedSplit('editor');
  return (
    <Group
      className="panes workspace-panes"
      orientation="vertical"
      defaultLayout={defaultLayout}
      onLayoutChanged={save}
      data-testid="workspace-panes"
    >
      <Panel
        id={GROUPS.editor[0]}
        className="pane-editor"
        style={{ overflow: 'hidden' }}
        minSize={MIN_PX.editor}
        defaultSize={`${DEFAULT_SETTINGS.lessonLayout.editor}%`}
      >
        {editor}
      </Panel>
      <Separator
        className="pane-separator"
        aria-label={t('panes.editorOutput')}
        data-testid="separator-editor"
      />
      <Panel
        id={GROUPS.editor[1]}
        className="pane-output"
        style={{ overflow: 'hidden' }}
        minSize={MIN_PX.output}
      >
        {output}
      </Panel>
    </Group>
  );
}
