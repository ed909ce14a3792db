// A repository stamps its writes with the officer of this laptop read from the settings itself, so
// a screen never has to fetch them first (and cannot stamp a write with a stale copy).
import { beforeEach, describe, expect, it } from 'vitest';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import { deleteEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { addPlanAction, markPlanActionDone } from '../../../renderer/src/features/servicePlan/servicePlanRepo';
import { makeEnterprise } from '../../fixtures/records';

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.planActions.clear(), db.settings.clear()]);
  await db.settings.put({ key: 'app', value: { ...defaultSettings('laptop-7'), officerName: '王敏', officerDepartment: '区商务局' } });
  await db.enterprises.put(makeEnterprise({ id: 'ent-0001', name: '苏州甲公司' }));
});

describe('the acting officer', () => {
  it('comes from the settings when the screen passes none', async () => {
    const now = new Date('2026-11-26T02:00:00Z');
    const action = await addPlanAction('ent-0001', { need: '缺工', action: '专场招聘', owner: '王敏', dueDate: '2026-12-10' }, undefined, now);
    expect(action).toMatchObject({ updatedBy: '王敏', deviceId: 'laptop-7' });
    await db.settings.put({ key: 'app', value: { ...defaultSettings('laptop-7'), officerName: '李强' } });
    await markPlanActionDone(action.id, '2026-11-27');
    expect(await db.planActions.get(action.id)).toMatchObject({ doneDate: '2026-11-27', updatedBy: '李强', deviceId: 'laptop-7' });
    await deleteEnterprise('ent-0001');
    expect(await db.enterprises.get('ent-0001')).toMatchObject({ updatedBy: '李强', deviceId: 'laptop-7' });
    expect((await db.enterprises.get('ent-0001'))?.deletedAt).toBeDefined();
  });
});
