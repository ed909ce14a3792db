// The stamps of an edit: identity and creation kept, one more edit of this device, and an instant
// never earlier than the version it replaces (a slow laptop clock must not rank an edit below it).
import { describe, expect, it } from 'vitest';
import { createdRecord, editedRecord, restoredRecord, tombstonedRecord } from '../../../shared/sync/recordStamp';
import { makeVisit } from '../../fixtures/records';

const zhang = { officerName: '张敏', deviceId: 'laptop-zhang' };
const li = { officerName: '李强', deviceId: 'laptop-li' };

describe('record stamps', () => {
  it('creates revision 1 with one edit of this device', () => {
    const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, deviceId: _d, rev: _r, versionVector: _v, ...fields } = makeVisit();
    const created = createdRecord<ReturnType<typeof makeVisit>>(fields, zhang, new Date('2026-11-20T01:00:00Z'));
    expect(created).toMatchObject({ rev: 1, versionVector: { 'laptop-zhang': 1 }, updatedBy: '张敏', createdAt: '2026-11-20T01:00:00.000Z' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps id and creation, and adds one edit of this device to the versions seen', () => {
    const stored = makeVisit({ id: 'visit-0001', versionVector: { 'laptop-zhang': 2 }, rev: 2 });
    const edited = editedRecord(stored, { ...stored, id: 'forged-id', createdAt: '1999-01-01T00:00:00.000Z', summary: '复访' }, li, new Date('2026-11-21T01:00:00Z'));
    expect(edited).toMatchObject({
      id: 'visit-0001',
      createdAt: stored.createdAt,
      updatedAt: '2026-11-21T01:00:00.000Z',
      updatedBy: '李强',
      deviceId: 'laptop-li',
      rev: 3,
      versionVector: { 'laptop-zhang': 2, 'laptop-li': 1 },
      summary: '复访',
    });
  });

  it('stamps an edit on a laptop whose clock is behind just after the version it replaces', () => {
    const stored = makeVisit({ updatedAt: '2026-11-21T10:00:00.000Z' });
    expect(editedRecord(stored, stored, li, new Date('2026-11-21T09:00:00Z')).updatedAt).toBe('2026-11-21T10:00:00.001Z');
  });

  it('tombstones and restores as new revisions', () => {
    const stored = makeVisit();
    const gone = tombstonedRecord(stored, zhang, new Date('2026-11-22T01:00:00Z'));
    expect(gone).toMatchObject({ deletedAt: '2026-11-22T01:00:00.000Z', rev: 2 });
    const back = restoredRecord(gone, zhang, new Date('2026-11-23T01:00:00Z'));
    expect('deletedAt' in back).toBe(false);
    expect(back.rev).toBe(3);
  });
});
