/**
 * A learner's display name: 1–80 characters, no control, direction or invisible ones; checked
 * where a profile is made and where a report is imported (shared/api/learner-name.ts).
 */
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildSignedReport } from '../../../electron/core/reports/build-report.ts';
import { signReport } from '../../../electron/core/reports/signing.ts';
import { Classes } from '../../../electron/core/reports/classes.ts';
import { describeOutcome } from '../../../electron/core/reports/class-import.ts';
import { learnerNameProblem, MAX_LEARNER_NAME } from '../../../shared/api/learner-name.ts';
import { profileCalls } from '../../../shared/api/calls/profiles.ts';
import { COURSE, tempDatabase } from '../learner/fixtures.ts';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

describe('what is wrong with a learner’s name', () => {
  it('accepts names in any language, with spaces collapsed, and emoji nicknames', () => {
    for (const name of [
      'Ada',
      '  Ada   Lovelace ',
      '张小明',
      'Zoë O’Brien-Łukasz',
      'محمد',
      '🦊 Fox',
      '👩‍💻 Ada',
      '❤️ Bo',
    ])
      expect(learnerNameProblem(name), name).toBeNull();
    expect(learnerNameProblem('x'.repeat(MAX_LEARNER_NAME))).toBeNull();
  });

  it('says the name is empty, or how long it is and the limit', () => {
    expect(learnerNameProblem('   ')).toEqual({ code: 'empty' });
    expect(learnerNameProblem('x'.repeat(81))).toEqual({ code: 'too-long', length: 81, max: 80 });
    // Characters, not UTF-16 units: 80 emoji fit.
    expect(learnerNameProblem('🦊'.repeat(80))).toBeNull();
  });

  it('names the hidden character and where it is', () => {
    expect(learnerNameProblem('Ada\u0007')).toEqual({ code: 'control', at: 4, char: 'U+0007' });
    expect(learnerNameProblem('Ada\u202Eeva')).toEqual({ code: 'direction', at: 4, char: 'U+202E' });
    expect(learnerNameProblem('\u2067Ada')).toEqual({ code: 'direction', at: 1, char: 'U+2067' });
    expect(learnerNameProblem('A\u200Bda')).toEqual({ code: 'invisible', at: 2, char: 'U+200B' });
    expect(learnerNameProblem('Ada\u3164')).toEqual({ code: 'invisible', at: 4, char: 'U+3164' });
    expect(learnerNameProblem('A\u200Dda')).toEqual({ code: 'invisible', at: 2, char: 'U+200D' });
    expect(learnerNameProblem('Ad\u00ADa')).toEqual({ code: 'invisible', at: 3, char: 'U+00AD' });
  });
});

describe('making a profile', () => {
  const profiles = () => {
    const { db } = tempDatabase();
    return new Profiles(db, new SettingsStore(db));
  };

  it('refuses a name with a direction override, saying which character', () => {
    expect(() => profiles().create('Ada\u202Eeva')).toThrow(
      'That profile name cannot be used: character 4 of the name changes the text direction (U+202E).',
    );
  });

  it('refuses a name over 80 characters, and a rename to one', () => {
    const p = profiles();
    expect(() => p.create('x'.repeat(81))).toThrow('the name has 81 characters; at most 80 are allowed');
    const ada = p.create('Ada');
    expect(() => p.rename(ada.id, 'Ada\u200B')).toThrow('character 4 of the name is invisible (U+200B)');
    expect(p.get(ada.id)?.name).toBe('Ada');
  });

  it('is refused at the API edge too, whoever calls it', () => {
    const input = profileCalls.createProfile.input;
    expect(input.safeParse({ name: '  Ada  ' })).toMatchObject({ success: true, data: { name: 'Ada' } });
    expect(input.safeParse({ name: 'Ada\u202E' }).success).toBe(false);
    expect(input.safeParse({ name: 'y'.repeat(81) }).success).toBe(false);
  });
});

describe('a report whose learner.name is bad', () => {
  function learner(name: string) {
    const { db } = tempDatabase();
    let now = T0;
    const progress = new ProgressStore(db, {
      now: () => now,
      dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
    });
    const profiles = new Profiles(db, new SettingsStore(db));
    const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
    const id = profiles.create(name).id;
    const src = { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0.1.0' };
    model.recordAttempt({
      profileId: id,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      status: 'pass',
      at: (now += 60_000),
    });
    return {
      /** Signed by the learner's own key after the name was changed: the signature holds. */
      signedAs(newName: string) {
        const report = buildSignedReport(src, id, (now += 60_000));
        const { signature: _s, ...body } = report;
        const { privateKey, publicKeyDer } = profiles.signingKey(id);
        return JSON.stringify(
          signReport({ ...body, learner: { ...body.learner, name: newName } }, privateKey, publicKeyDer),
        );
      },
      plain: () => JSON.stringify(buildSignedReport(src, id, (now += 60_000))),
    };
  }

  it('is refused by itself, naming the field and what is wrong, and the rest of the batch is merged', () => {
    const classes = new Classes(tempDatabase().db);
    const { id: classId } = classes.create('7B');
    const outcomes = classes.importReports(classId, [
      { name: 'rtl.json', text: learner('Eve').signedAs('Ada\u202E') },
      { name: 'long.json', text: learner('Eve').signedAs('E'.repeat(5000)) },
      { name: 'bell.json', text: learner('Eve').signedAs('Eve\u0007') },
      { name: 'empty.json', text: learner('Eve').signedAs('  ') },
      { name: 'bo.json', text: learner('Bo').plain() },
    ]);
    expect(outcomes.slice(0, 4)).toMatchObject([
      { file: 'rtl.json', result: 'rejected', status: 'bad-name', nameProblem: { code: 'direction', at: 4 } },
      {
        file: 'long.json',
        result: 'rejected',
        status: 'bad-name',
        nameProblem: { code: 'too-long', length: 5000 },
      },
      {
        file: 'bell.json',
        result: 'rejected',
        status: 'bad-name',
        nameProblem: { code: 'control', char: 'U+0007' },
      },
      { file: 'empty.json', result: 'rejected', status: 'bad-name', nameProblem: { code: 'empty' } },
    ]);
    // The bad name is not echoed back into the page.
    expect(outcomes.slice(0, 4).every((o) => o.learner === undefined)).toBe(true);
    expect(describeOutcome(outcomes[0]!)).toBe(
      'rtl.json: not imported: learner.name: character 4 of the name changes the text direction (U+202E)',
    );
    expect(outcomes[4]).toMatchObject({ file: 'bo.json', result: 'imported', learner: 'Bo' });
    expect(classes.overview(classId).learners.map((l) => l.name)).toEqual(['Bo']);
  });
});
