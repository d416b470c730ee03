/**
 * The Teacher page asks for the class list and the first class's view at once: getClassView
 * without a class answers the view of the class the list names first.
 */
import { describe, expect, it } from 'vitest';
import type { ClassSummary, ClassView } from '../../../shared/api/contract.ts';
import { useBackend } from '../backend-fixture.ts';

const live = useBackend('lantern-first-class-view-');

describe('the class view without a class named', () => {
  it('is null while there is no class', async () => {
    expect(await live.call('getClassView', {})).toBeNull();
  });

  it('is the view of the first class in the class list', async () => {
    await live.call('createClass', { name: 'Year 8' });
    await live.call('createClass', { name: 'Year 7' });
    const [first] = await live.call<ClassSummary[]>('listClasses', {});
    expect(first?.name).toBe('Year 7');
    const view = await live.call<ClassView>('getClassView', {});
    expect(view).toMatchObject({ id: first!.id, name: 'Year 7' });
    expect(view).toEqual(await live.call('getClassView', { classId: first!.id }));
  });
});
