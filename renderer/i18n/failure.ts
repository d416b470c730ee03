/**
 * A failed call in the person's language. The backend sends a refusal as a code with its
 * parameters (a ReasonedError); each family of codes is worded by one namespace of the catalogs.
 * A failure without a code (the connection dropped, a fault in Lantern) says what the API
 * client found.
 */
import type { TFunction } from 'i18next';
import {
  ApiError,
  BACKUP_REFUSALS,
  CLASS_REFUSALS,
  CONTENT_REFUSALS,
  PROFILE_REFUSALS,
  REPORT_REFUSALS,
  type ErrorReason,
} from '../../shared/api/contract.ts';

/** Which catalog namespace words each family of codes (a code belongs to one family only). */
export const REFUSAL_FAMILIES: readonly { codes: readonly string[]; namespace: string }[] = [
  { codes: BACKUP_REFUSALS, namespace: 'data.errors' },
  { codes: PROFILE_REFUSALS, namespace: 'profiles.errors' },
  { codes: CLASS_REFUSALS, namespace: 'classroom.errors' },
  { codes: REPORT_REFUSALS, namespace: 'dashboard.errors' },
  { codes: CONTENT_REFUSALS, namespace: 'contentErrors' },
];

export function reasonText(t: TFunction, reason: ErrorReason): string | undefined {
  const family = REFUSAL_FAMILIES.find((f) => f.codes.includes(reason.code));
  if (!family) return undefined;
  const params: Record<string, string | number> = { ...reason.params };
  // Some parameters are words too: the kind of schema object (table, index, trigger, view),
  // what stopped a backup, what is wrong with a name.
  if (typeof params.type === 'string') params.type = t(`data.objectType.${params.type}`, params.type);
  if (typeof params.cause === 'string') params.cause = t(`data.causes.${params.cause}`);
  if (typeof params.problem === 'string')
    params.problem = t(`profiles.nameProblem.${params.problem}`, {
      ...params,
      field: t('profiles.nameField'),
    });
  return t(`${family.namespace}.${reason.code}`, params);
}

export function failureText(t: TFunction, err: unknown): string {
  const reason = err instanceof ApiError ? err.reason : undefined;
  return (reason && reasonText(t, reason)) ?? (err instanceof Error ? err.message : String(err));
}
