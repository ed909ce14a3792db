// "Unsaved typing" is what decides whether closing a dialog asks first: a value the officer changed,
// not an untouched field that antd reports as undefined where the record had an empty string.
import { describe, expect, it } from 'vitest';
import { valuesDiffer } from '../../../renderer/src/components/unsavedChanges';

describe('valuesDiffer', () => {
  it('sees typed text, a changed choice and a ticked box', () => {
    expect(valuesDiffer({ contactPerson: '王敏' }, { contactPerson: '王敏 ' })).toBe(true);
    expect(valuesDiffer({ satisfaction: undefined }, { satisfaction: '不满意' })).toBe(true);
    expect(valuesDiffer({}, { closeDespiteDissatisfaction: true })).toBe(true);
    expect(valuesDiffer({ officers: ['王敏'] }, { officers: ['王敏', '李强'] })).toBe(true);
  });
  it('treats the empty forms of a field alike, so an untouched dialog closes without asking', () => {
    expect(valuesDiffer({ request: '', note: null, investmentToDate: null }, { request: undefined, officers: [] })).toBe(false);
    expect(valuesDiffer({ replyDate: '2026-12-03', stage: '在建' }, { stage: '在建', replyDate: '2026-12-03' })).toBe(false);
  });
});
