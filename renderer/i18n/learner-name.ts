/**
 * A learner's name as the page shows it: the name they chose, or, for the learner no one has
 * named (`name: null`, made on first use), the word for "learner" in the interface's language,
 * so it changes with the language (decision 0055).
 */
import type { TFunction } from 'i18next';

export const shownName = (t: TFunction, name: string | null): string => name ?? t('profiles.defaultName');
