/**
 * The teacher's page: choose or create a class, import learners' reports into it, read the
 * class overview, open one learner, export the gradebook.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import { ReportImport } from '../teacher/ReportImport.tsx';
import { ClassView } from '../teacher/ClassView.tsx';
import { EnrolmentPanel } from '../teacher/EnrolmentPanel.tsx';
import { HeldReports } from '../teacher/HeldReports.tsx';
import { LearnerDrillDown } from '../teacher/LearnerDrillDown.tsx';
import { NewClassForm } from '../teacher/NewClassForm.tsx';
import { DeleteClassButton } from '../teacher/DeleteClassButton.tsx';
import { VerifiedMeans } from '../teacher/VerifiedMeans.tsx';
import { GradebookExport } from '../teacher/GradebookExport.tsx';
import type { ClassSummary, ClassView as View } from '../../shared/api/contract.ts';
import '../progress/progress.css';
import '../teacher/teacher.css';
import { failureText } from '../i18n/failure.ts';

export function TeacherPage() {
  const { t } = useTranslation();
  const { api } = useApp();
  // The first class's view is asked for with the class list rather than after it: a class of
  // hundreds shows a round trip and a render sooner. A failure is the class view's to report,
  // when it asks again. Both are asked as the page is first drawn, not after it (when the class
  // list's load would start): the view waits for both.
  const [first] = useState(() => {
    let view: Promise<View | null> | null = api.getClassView({}).catch(() => null);
    let list: Promise<ClassSummary[]> | null = api.listClasses({});
    return {
      /**
       * The view asked for with the class list, the first time; null after that, so coming back
       * to the class later asks anew (another window may have imported in between).
       */
      view: () => {
        const asked = view;
        view = null;
        return asked;
      },
      /** The class list asked for with the view, the first time; asked anew after that. */
      classes: () => {
        const asked = list ?? api.listClasses({});
        list = null;
        return asked;
      },
    };
  });
  const firstView = first.view;
  const classes = useData('classes', first.classes);
  const [chosen, setChosen] = useState<number | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const classId = chosen ?? classes.value?.[0]?.id ?? null;
  // The class list's learner counts say whether a class is empty: no need to read its reports.
  const empty = !classes.value?.find((c) => c.id === classId)?.learners;

  const refresh = () => {
    setVersion((v) => v + 1);
    void classes.reload();
  };

  return (
    <section className="page teacher-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('teacher.title')}</h1>
      <p className="lead">{t('teacher.intro')}</p>
      <VerifiedMeans />
      {classes.error ? (
        <p className="status error" role="alert">
          {t('classroom.loadFailed', { message: failureText(t, classes.error) })}
        </p>
      ) : !classes.value ? (
        <p className="status" role="status">
          {t('classroom.loading')}
        </p>
      ) : (
        <>
          <div className="card class-bar">
            {classes.value.length ? (
              <label className="class-choice">
                <span>{t('classroom.classLabel')}</span>
                <select
                  data-testid="class-select"
                  value={classId ?? ''}
                  onChange={(e) => {
                    setChosen(Number(e.currentTarget.value));
                    setOpened(null);
                  }}
                >
                  {classes.value.map((c) => (
                    <option key={c.id} value={c.id}>
                      {`${c.name} (${t('classroom.learnerCount', { count: c.learners })})`}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p data-testid="no-classes">{t('classroom.noClasses')}</p>
            )}
            {classes.value
              .filter((c) => c.id === classId)
              .map((c) => (
                <DeleteClassButton
                  key={c.id}
                  cls={c}
                  onDeleted={() => {
                    setChosen(null);
                    setOpened(null);
                    refresh();
                  }}
                />
              ))}
            <NewClassForm
              onCreated={(id) => {
                setChosen(id);
                setOpened(null);
                refresh();
              }}
            />
          </div>
          {classId !== null && (
            <>
              {/* A class without learners yet starts with how they join it. */}
              {empty && <EnrolmentPanel key={classId} classId={classId} />}
              <HeldReports classId={classId} version={version} onResolved={refresh} />
              <section className="card" aria-labelledby="overview-title">
                <h2 id="overview-title">{t('classroom.overviewTitle')}</h2>
                <ClassView classId={classId} version={version} firstView={firstView} onOpen={setOpened} />
              </section>
              <GradebookExport classId={classId} disabled={empty} />
              {opened && (
                <LearnerDrillDown
                  classId={classId}
                  learnerKey={opened}
                  onClose={() => setOpened(null)}
                  onRemoved={() => {
                    setOpened(null);
                    refresh();
                  }}
                />
              )}
              <ReportImport classId={classId} onImported={refresh} />
              {!empty && <EnrolmentPanel key={classId} classId={classId} />}
            </>
          )}
        </>
      )}
    </section>
  );
}
