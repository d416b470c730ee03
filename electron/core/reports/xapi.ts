/**
 * xAPI 1.0.3 statements for a learning record store (docs/gradebook.md, decision 0041): per
 * exercise a learner checked, "attempted" at the first check, "passed" at the first pass,
 * "completed" when the exercise was completed. The learner is an mbox when they gave an e-mail,
 * else an account on the school's home page; the exercise is an activity whose IRI holds its
 * Lantern track and exercise id. Statement ids are derived from their content, so exporting the
 * same class twice gives the same ids and an LRS does not store them twice.
 */
import { createHash } from 'node:crypto';
import type { GradebookFile, GradebookWarning } from '../../../shared/api/calls/teacher.ts';
import type { GradebookInput, GradebookLearner } from './lms-gradebook.ts';
import { gradebookFileName, isEmail, scoredEvidence } from './lms-gradebook.ts';

export const VERBS = {
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;
const ACTIVITY_TYPE = 'http://adlnet.gov/expapi/activities/assessment';
const COURSE_TYPE = 'http://adlnet.gov/expapi/activities/course';

/** Where learner accounts and activities live unless the school names its own (`--home-page`). */
export const DEFAULT_HOME_PAGE = 'https://lantern.invalid';

export interface XapiOptions {
  /** The school's home page for learner accounts, and the base of activity IRIs. */
  homePage?: string;
}

export interface XapiStatement {
  id: string;
  actor: {
    objectType: 'Agent';
    name: string;
    mbox?: string;
    account?: { homePage: string; name: string };
  };
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { type: string; name: Record<string, string> };
  };
  result?: {
    success?: boolean;
    completion?: boolean;
    score?: { scaled: number; raw: number; min: number; max: number };
  };
  context: {
    platform: string;
    contextActivities: { parent: { objectType: 'Activity'; id: string; definition: { type: string } }[] };
  };
  timestamp: string;
}

/** A name-based UUID (version 5 layout over SHA-256): the same statement always has the same id. */
function stableUuid(text: string): string {
  const h = createHash('sha256').update(text).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const segment = (s: string) => encodeURIComponent(s);

export function activityIri(homePage: string, track: string, exercise?: string): string {
  const base = `${homePage.replace(/\/+$/, '')}/lantern/tracks/${segment(track)}`;
  return exercise === undefined ? base : `${base}/exercises/${segment(exercise)}`;
}

// The addresses xAPI stores accept in an mbox (the validator's rule); another address a learner
// typed (a quote, non-ASCII) would make the store refuse the whole batch, so it goes as an account.
const MBOX = /^[A-Z0-9.`'_%+-]+@[A-Z0-9.-]+\.[A-Z]{1,63}$/i;

function actorOf(learner: GradebookLearner, homePage: string): XapiStatement['actor'] {
  const id = learner.studentId;
  if (id && isEmail(id) && MBOX.test(id))
    return { objectType: 'Agent', name: learner.name, mbox: `mailto:${id}` };
  // Without a student ID the class's own key for the learner still tells them apart.
  return { objectType: 'Agent', name: learner.name, account: { homePage, name: id ?? learner.key } };
}

export function xapiStatements(input: GradebookInput, options: XapiOptions = {}): XapiStatement[] {
  const homePage = options.homePage ?? DEFAULT_HOME_PAGE;
  const statements: XapiStatement[] = [];
  for (const learner of input.learners) {
    const actor = actorOf(learner, homePage);
    const completed = new Map<string, string | null>();
    const titles = new Map<string, { en: string; zh: string } | undefined>();
    for (const t of learner.tracks)
      for (const e of t.exercises) {
        completed.set(`${t.id}\u0000${e.id}`, e.completedAt);
        titles.set(`${t.id}\u0000${e.id}`, e.title);
      }
    for (const ev of scoredEvidence(learner)) {
      const key = `${ev.track}\u0000${ev.exercise}`;
      const title = input.courseOf(ev.track)?.byId.get(ev.exercise)?.title ?? titles.get(key);
      const object: XapiStatement['object'] = {
        objectType: 'Activity',
        id: activityIri(homePage, ev.track, ev.exercise),
        definition: {
          type: ACTIVITY_TYPE,
          name: title ? { 'en-US': title.en, 'zh-CN': title.zh } : { 'en-US': ev.exercise },
        },
      };
      const context: XapiStatement['context'] = {
        platform: 'Lantern',
        contextActivities: {
          parent: [
            {
              objectType: 'Activity',
              id: activityIri(homePage, ev.track),
              definition: { type: COURSE_TYPE },
            },
          ],
        },
      };
      const score = {
        scaled: Math.round(ev.credit * 1000) / 1000,
        raw: Math.round(ev.credit * 1000) / 10,
        min: 0,
        max: 100,
      };
      const make = (verb: keyof typeof VERBS, timestamp: string, result: XapiStatement['result']) => ({
        id: stableUuid(JSON.stringify([actor, verb, object.id, timestamp])),
        actor,
        verb: { id: VERBS[verb], display: { 'en-US': verb } },
        object,
        ...(result && { result }),
        context,
        timestamp,
      });
      statements.push(make('attempted', ev.firstAt, { success: ev.passedAt !== null, score }));
      if (ev.passedAt) statements.push(make('passed', ev.passedAt, { success: true, score }));
      const done = completed.get(key);
      if (done && ev.passedAt) statements.push(make('completed', done, { completion: true }));
    }
  }
  // In time order; a stable sort keeps attempted, passed, completed in that order at one instant.
  return statements.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

export function xapiFile(input: GradebookInput, options: XapiOptions, day: string): GradebookFile {
  const warnings: GradebookWarning[] = [];
  const without = input.learners.filter((l) => !l.studentId);
  // Still sent, under the key Lantern knows them by, which the school's LRS cannot match to a person.
  if (without.length)
    warnings.push({ code: 'no-student-id', names: without.map((l) => l.name), leftOut: false });
  const unsigned = input.learners.filter((l) => l.verification === 'unsigned');
  if (unsigned.length) warnings.push({ code: 'unsigned', names: unsigned.map((l) => l.name) });
  if (!options.homePage) warnings.push({ code: 'default-home-page', homePage: DEFAULT_HOME_PAGE });
  return {
    name: gradebookFileName(input.className, 'xapi', day),
    mimeType: 'application/json',
    content: `${JSON.stringify(xapiStatements(input, options), null, 2)}\n`,
    warnings,
  };
}
