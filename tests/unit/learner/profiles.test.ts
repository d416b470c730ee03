import { describe, expect, it } from 'vitest';
import { Profiles, ProfileError } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { tempDatabase } from './fixtures.ts';

function setup() {
  const { db } = tempDatabase();
  return { db, profiles: new Profiles(db, new SettingsStore(db)), progress: new ProgressStore(db) };
}

describe('Profiles', () => {
  it('makes the first profile created the current one, and switches on request', () => {
    const { profiles } = setup();
    const ada = profiles.create('Ada');
    const bo = profiles.create('Bo');
    expect(profiles.current()?.id).toBe(ada.id);
    profiles.switchTo(bo.id);
    expect(profiles.current()?.name).toBe('Bo');
    expect(profiles.list().map((p) => p.name)).toEqual(['Ada', 'Bo']);
  });

  it('refuses an empty or duplicate name with a message that says what to do', () => {
    const { profiles } = setup();
    profiles.create('Ada');
    expect(() => profiles.create('  ')).toThrow(ProfileError);
    expect(() => profiles.create('ada')).toThrow(/already a profile called “Ada”/);
  });

  it('renames a profile and keeps its records', () => {
    const { profiles, progress } = setup();
    const ada = profiles.create('Ada');
    progress.saveDraft(ada.id, 'py', 'hello', 'print(1)');
    profiles.rename(ada.id, 'Ada L.');
    expect(profiles.get(ada.id)?.name).toBe('Ada L.');
    expect(progress.loadDraft(ada.id, 'py', 'hello')).toBe('print(1)');
  });

  it('deletes a profile with all of its records and leaves the others alone', () => {
    const { db, profiles, progress } = setup();
    const ada = profiles.create('Ada');
    const bo = profiles.create('Bo');
    for (const p of [ada, bo]) {
      progress.insertAttempt({
        profileId: p.id,
        track: 'py',
        exercise: 'hello',
        kind: 'check',
        status: 'pass',
        code: 'x',
      });
      progress.recordHint(p.id, 'py', 'hello', { level: 1, source: 'authored' });
      progress.heartbeat(p.id);
    }
    profiles.delete(ada.id);
    expect(profiles.current()?.id).toBe(bo.id);
    for (const table of ['attempt', 'hint', 'session', 'exercise_progress', 'activity_day']) {
      const rows = db.prepare(`SELECT profile_id FROM ${table}`).all() as { profile_id: number }[];
      expect(
        rows.map((r) => r.profile_id),
        table,
      ).toEqual([bo.id]);
    }
  });

  it("never gives a deleted learner's id to a new one, and says who was deleted", () => {
    const { profiles } = setup();
    profiles.create('Ada');
    const bo = profiles.create('Bo');
    const deleted: number[] = [];
    const stop = profiles.onDeleted((id) => deleted.push(id));
    profiles.delete(bo.id);
    const cy = profiles.create('Cy');
    expect(cy.id).toBeGreaterThan(bo.id);
    expect(deleted).toEqual([bo.id]);
    stop();
    profiles.delete(cy.id);
    expect(deleted).toEqual([bo.id]);
  });

  it('creates a signing key once and keeps using it', () => {
    const { profiles } = setup();
    const ada = profiles.create('Ada');
    const first = profiles.signingKey(ada.id).publicKeyDer;
    expect(profiles.signingKey(ada.id).publicKeyDer.equals(first)).toBe(true);
  });
});
