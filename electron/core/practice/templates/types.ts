import type { LocalizedText } from '../../../../shared/content/schema.ts';
import type { Rng } from './rng.ts';

/** What one template makes from a seed: everything an Exercise needs but its id. */
export interface TemplateExercise {
  title: LocalizedText;
  body: LocalizedText;
  module: string;
  difficulty: number;
  starter: string;
  /** The starter's comments in both languages (the page shows the learner's). */
  starterComments?: LocalizedText[];
  solution: string;
  tests: string;
  hints: [LocalizedText, LocalizedText, LocalizedText, LocalizedText];
}

export interface ExerciseTemplate {
  /** Stable name, e.g. "py-loops-digit-sum"; recorded with every exercise it makes. */
  id: string;
  concept: string;
  /** The difficulty of every exercise it makes (1-10). */
  difficulty: number;
  make(rng: Rng): TemplateExercise;
}
