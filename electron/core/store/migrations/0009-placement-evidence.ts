import type { Migration } from './types.ts';

/**
 * Evidence is counted again from the attempts that exist. Until placement stopped writing
 * evidence (it now moves abilities only), it gave every concept it moved an evidence count of at
 * least 2, dated it to the placement and scheduled a first review, with no checked attempt behind
 * any of it: such a concept showed "83 % on 2 checked attempts". Migration 0007 then summed that
 * evidence into the learner's general ability.
 *
 * A concept's evidence is the number of distinct exercises whose graded attempts (check, predict,
 * quiz) updated it, as the learner model counts it (model-core.ts: retries and re-checks of one
 * exercise are one piece of evidence): the model writes a history point carrying the attempt's id
 * for each concept of each such attempt, and never otherwise (placement's points carry none). Its "last seen" is the newest of
 * those attempts, or 0 when there is none. What placement did to the ability stays, as today's
 * placement leaves it; with no evidence the figure reads "not yet assessed". A review of a concept
 * with no evidence can only be placement's (a review advances only on a graded attempt of it), so
 * it goes. The general ability rests on the distinct exercises of the track's graded attempts; a learner left with none
 * starts the track as a new learner does.
 */
export const migration: Migration = {
  version: 9,
  name: 'placement-evidence',
  up: `
    CREATE TEMP TABLE concept_evidence (
      profile_id  INTEGER NOT NULL,
      track       TEXT NOT NULL,
      concept     TEXT NOT NULL,
      evidence    INTEGER NOT NULL,
      last_at     INTEGER NOT NULL,
      PRIMARY KEY (profile_id, track, concept)
    ) WITHOUT ROWID;
    INSERT INTO concept_evidence (profile_id, track, concept, evidence, last_at)
      SELECT h.profile_id, h.track, h.concept,
             count(DISTINCT a.exercise) AS evidence, max(a.created_at) AS last_at
      FROM mastery_history h JOIN attempt a ON a.id = h.attempt_id AND a.profile_id = h.profile_id
      WHERE a.kind IN ('check', 'predict', 'quiz')
      GROUP BY h.profile_id, h.track, h.concept;

    UPDATE mastery SET
      evidence = coalesce((SELECT e.evidence FROM concept_evidence e WHERE e.profile_id = mastery.profile_id
                           AND e.track = mastery.track AND e.concept = mastery.concept), 0),
      updated_at = coalesce((SELECT e.last_at FROM concept_evidence e WHERE e.profile_id = mastery.profile_id
                             AND e.track = mastery.track AND e.concept = mastery.concept), 0);

    DELETE FROM review WHERE EXISTS (
      SELECT 1 FROM mastery m WHERE m.profile_id = review.profile_id AND m.track = review.track
        AND m.concept = review.concept AND m.evidence = 0);

    UPDATE learner_ability SET evidence = (
      SELECT count(DISTINCT a.exercise)
      FROM mastery_history h JOIN attempt a ON a.id = h.attempt_id AND a.profile_id = h.profile_id
      WHERE h.profile_id = learner_ability.profile_id AND h.track = learner_ability.track
        AND a.kind IN ('check', 'predict', 'quiz'));
    DELETE FROM learner_ability WHERE evidence = 0;

    DROP TABLE concept_evidence;
  `,
};
