/**
 * The handler map: one function per API call, each receiving input already validated against
 * the contract. Each area keeps its handlers in its own file; this merges them.
 */
import type { Handlers } from '../../../shared/api/dispatch.ts';
import { appHandlers, type AppDeps } from './app-handlers.ts';
import { lessonHandlers, type LessonDeps } from './lesson-handlers.ts';

export type HandlerDeps = AppDeps & LessonDeps;

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...lessonHandlers(deps),
  };
}
