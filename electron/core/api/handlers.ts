/**
 * The handler map: one function per API call, each receiving input already validated against
 * the contract. Each area keeps its handlers in its own file; this merges them.
 */
import type { Handlers } from '../../../shared/api/dispatch.ts';
import { appHandlers, type AppDeps } from './app-handlers.ts';
import { lessonHandlers, type LessonDeps } from './lesson-handlers.ts';
import { tutorHandlers, type TutorDeps } from './tutor-handlers.ts';
import { practiceHandlers, type PracticeDeps } from './practice-handlers.ts';
import { profileHandlers, type ProfileDeps } from './profile-handlers.ts';
import { dataHandlers, type DataDeps } from './data-handlers.ts';
import { progressHandlers, type ProgressDeps } from './progress-handlers.ts';
import { teacherHandlers, type TeacherDeps } from './teacher-handlers.ts';
import { placementHandlers, type PlacementDeps } from './placement-handlers.ts';
import { classHandlers, type ClassDeps } from './class-handlers.ts';

export type HandlerDeps = AppDeps &
  LessonDeps &
  TutorDeps &
  PracticeDeps &
  ProfileDeps &
  DataDeps &
  ProgressDeps &
  TeacherDeps &
  PlacementDeps &
  ClassDeps;

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...lessonHandlers(deps),
    ...tutorHandlers(deps),
    ...practiceHandlers(deps),
    ...profileHandlers(deps),
    ...dataHandlers(deps),
    ...progressHandlers(deps),
    ...teacherHandlers(deps),
    ...placementHandlers(deps),
    ...classHandlers(deps),
  };
}
