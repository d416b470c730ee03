/**
 * Codes for a call that failed without a refusal of its own: the payload broke the call's schema
 * (bad-input, with each field's issue as a code), there is no such call, the page has no right
 * to call, the connection to the backend failed, or a handler hit a fault nobody coded. The page
 * words them from its catalogs (`apiErrors.<code>`); the English message stays in the envelope
 * for the log and the command line. So no English sentence from the backend reaches the page.
 */
export const API_FAULTS = [
  'internal-fault',
  'connection-lost',
  'bad-input',
  'unknown-call',
  'forbidden',
  'no-launch-token',
] as const;
export type ApiFault = (typeof API_FAULTS)[number];

/**
 * Why a step of a lesson refused an action (`stepErrors.<code>`): the solution or a quiz's answer
 * asked for too early, a step of another kind. Parameters: `lesson`, `count`.
 */
export const STEP_REFUSALS = [
  'solution-not-yet',
  'no-solution',
  'not-a-quiz',
  'quiz-answer-not-yet',
  'not-an-explanation',
] as const;

/**
 * Why no practice problem could be served (`practiceErrors.<code>`). Parameters: `concept`,
 * `concepts`, `track`, `lesson`, `language`.
 */
export const PRACTICE_REFUSALS = [
  'practice-unavailable',
  'no-concept-in-track',
  'no-concept-of-exercise',
  'no-template',
] as const;
