// Laptops in the field hold databases at every older version, so an old version step must never
// change: this snapshot fails when one does without a new version being added for the change.
import { describe, expect, it } from 'vitest';
import { LedgerDatabase, schemaVersions } from '../../../renderer/src/db/schema';

/** Every version step as shipped. Add a new entry for a new version; never edit an old one. */
const shippedVersions: Record<number, Record<string, string>> = {
  1: {
    enterprises: 'id, creditCode, name, town, assignedOfficer, lastVisitDate, updatedAt, *searchTokens',
    visits: 'id, enterpriseId, date, [enterpriseId+date], updatedAt',
    problems:
      'id, enterpriseId, visitId, projectId, status, raisedDate, replyDeadline, department, category, officer, [enterpriseId+raisedDate], updatedAt',
    projects: 'id, enterpriseId, stage, inLibrary, updatedAt',
    progressEntries: 'id, projectId, month, [projectId+month], updatedAt',
    policies: 'id, code, updatedAt',
    attachments: 'id, ownerId, updatedAt',
    drafts: 'key, updatedAt',
    settings: 'key',
  },
  2: {
    planActions: 'id, enterpriseId, dueDate, updatedAt',
  },
  3: {},
  4: {
    enterprises: 'id, creditCode, name, town, assignedOfficer, lastVisitDate, updatedAt, *searchTokens, changeSeq',
    visits: 'id, enterpriseId, date, [enterpriseId+date], updatedAt, changeSeq',
    problems:
      'id, enterpriseId, visitId, projectId, status, raisedDate, replyDeadline, department, category, officer, [enterpriseId+raisedDate], updatedAt, changeSeq',
    projects: 'id, enterpriseId, stage, inLibrary, updatedAt, changeSeq',
    progressEntries: 'id, projectId, month, [projectId+month], updatedAt, changeSeq',
    policies: 'id, code, updatedAt, changeSeq',
    attachments: 'id, ownerId, updatedAt, changeSeq',
    planActions: 'id, enterpriseId, dueDate, updatedAt, changeSeq',
    syncState: 'key',
    conflicts: 'id, recordId, detectedAt',
  },
  5: {
    enterprises: 'id, creditCode, name, town, assignedOfficer, *searchTokens, changeSeq, deletedAt',
    visits: 'id, date, [enterpriseId+date], changeSeq, deletedAt',
    problems:
      'id, enterpriseId, visitId, projectId, status, raisedDate, department, category, officer, changeSeq, deletedAt, openDeadline, [officer+openDeadline], [officer+transferPendingSince]',
    projects: 'id, enterpriseId, changeSeq, deletedAt',
    progressEntries: 'id, projectId, month, [projectId+month], changeSeq',
    policies: 'id, code, changeSeq',
    attachments: 'id, ownerId, changeSeq',
    planActions: 'id, enterpriseId, dueDate, changeSeq',
    tallies: 'key',
  },
  6: {
    enterprises: 'id, creditCode, name, town, assignedOfficer, *searchTokens, changeSeq, deletedAt, [town+lastVisitDate]',
    visits: 'id, date, [enterpriseId+date], changeSeq, deletedAt',
    problems:
      'id, enterpriseId, visitId, projectId, status, raisedDate, department, category, officer, changeSeq, deletedAt, openDeadline, [officer+openDeadline], [officer+transferPendingSince], [department+openDeadline]',
    projects: 'id, enterpriseId, changeSeq, deletedAt',
    progressEntries: 'id, projectId, month, [projectId+month], changeSeq',
    policies: 'id, code, changeSeq',
    attachments: 'id, ownerId, changeSeq',
    planActions: 'id, enterpriseId, dueDate, changeSeq',
    tallies: 'key',
  },
  7: {
    operationReports: 'id, [enterpriseId+month], month, changeSeq, deletedAt',
  },
  8: {},
  9: {
    cultivationCandidates: 'id, year, enterpriseId, changeSeq, deletedAt',
    cultivationGoals: 'id, year, changeSeq, deletedAt',
  },
  10: {
    meetings: 'id, date, changeSeq, deletedAt',
    problems:
      'id, enterpriseId, visitId, projectId, status, raisedDate, department, category, officer, changeSeq, deletedAt, openDeadline, [officer+openDeadline], [officer+transferPendingSince], [department+openDeadline], decisionDeadline',
  },
  11: {
    activities: 'id, date, *attendeeEnterpriseIds, changeSeq, deletedAt',
  },
  12: {
    ratingRounds: 'id, changeSeq, deletedAt',
    ratings: 'id, roundId, enterpriseId, changeSeq, deletedAt',
    csrCandidates: 'id, year, enterpriseId, changeSeq, deletedAt',
    csrYears: 'id, changeSeq, deletedAt',
  },
  13: {
    planActions: 'id, enterpriseId, dueDate, changeSeq, deletedAt',
  },
};

describe('Dexie schema versions', () => {
  it('keeps every shipped version step exactly as it was', () => {
    const actual = Object.fromEntries(schemaVersions.map((step) => [step.version, { ...step.stores }]));
    expect(actual).toEqual(shippedVersions);
  });

  it('numbers the steps 1..n without gaps, so each change is its own step', () => {
    expect(schemaVersions.map((step) => step.version)).toEqual(schemaVersions.map((_, i) => i + 1));
  });

  it('opens at the newest version with every table and index of every step', async () => {
    const db = new LedgerDatabase(`schema-test-${Math.random()}`);
    await db.open();
    try {
      expect(db.verno).toBe(schemaVersions.length);
      const installed = Object.fromEntries(
        db.tables.map((table) => [
          table.name,
          [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].sort(),
        ]),
      );
      const expected: Record<string, string[]> = {};
      for (const stores of Object.values(shippedVersions)) {
        for (const [table, spec] of Object.entries(stores)) {
          expected[table] = spec.split(',').map((part) => part.trim()).sort();
        }
      }
      expect(installed).toEqual(expected);
    } finally {
      db.close();
    }
  });
});
