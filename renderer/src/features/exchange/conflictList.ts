// 冲突处理's list: the open conflicts (exchangeRepo.openConflicts) with what the officer recognises a
// record by — an enterprise's name, a problem's description, a visit's date and enterprise — and the
// fields the two versions differ in, compared against the record as stored NOW (it may have been
// edited since the conflict was found; choosing "保留当前" keeps exactly what the page shows).
import type { Enterprise, KeyProject, RecordMeta } from '../../../../shared/domain/records';
import { fieldDifferences, type FieldDifference } from '../../../../shared/sync/conflictResolution';
import { syncedTableLabels, type SyncedTableName } from '../../../../shared/sync/syncedTables';
import { ledgerDb } from '../../db/db';
import { openConflicts } from './exchangeRepo';

export interface ConflictVersion {
  officer: string;
  deviceId: string;
  updatedAt: string;
}

export interface ConflictListRow {
  id: string;
  table: SyncedTableName;
  tableLabel: string;
  recordName: string;
  detectedAt: string;
  current: ConflictVersion;
  other: ConflictVersion;
  differences: FieldDifference[];
}

type Row = RecordMeta & Record<string, unknown>;

const text = (record: Row | undefined, field: string): string => {
  const value = record?.[field];
  return typeof value === 'string' ? value : '';
};

const versionOf = (record: RecordMeta): ConflictVersion => ({
  officer: record.updatedBy || '未署名',
  deviceId: record.deviceId,
  updatedAt: record.updatedAt,
});

async function enterpriseName(id: string): Promise<string> {
  if (!id) return '';
  const enterprise: Enterprise | undefined = await ledgerDb().enterprises.get(id);
  return enterprise?.name ?? '（企业不在本机）';
}

/** What the officer recognises the record by, from its stored copy (or the other version's). */
async function recordName(table: SyncedTableName, record: Row): Promise<string> {
  switch (table) {
    case 'enterprises':
      return text(record, 'name');
    case 'problems': {
      const company = await enterpriseName(text(record, 'enterpriseId'));
      return company ? `${text(record, 'description')}（${company}）` : text(record, 'description');
    }
    case 'visits':
      return `${text(record, 'date')} 走访 ${await enterpriseName(text(record, 'enterpriseId'))}`.trim();
    case 'projects':
      return text(record, 'name');
    case 'progressEntries': {
      const project: KeyProject | undefined = await ledgerDb().projects.get(text(record, 'projectId'));
      return `${project?.name ?? '（项目不在本机）'} ${text(record, 'month')} 月度进展`;
    }
    case 'planActions':
      return `${await enterpriseName(text(record, 'enterpriseId'))}：${text(record, 'need')}`;
    case 'operationReports':
      return `${await enterpriseName(text(record, 'enterpriseId'))} ${text(record, 'month')} 经营数据`.trim();
    case 'cultivationCandidates':
      return `${await enterpriseName(text(record, 'enterpriseId'))} ${text(record, 'year')} 年${text(record, 'target')}培育`.trim();
    case 'cultivationGoals':
      return `${text(record, 'town')} ${text(record, 'year')} 年${text(record, 'target')}培育目标`.trim();
    case 'meetings':
      return `${text(record, 'date')} ${text(record, 'type')}`.trim();
    case 'activities':
      return `${text(record, 'date')} ${text(record, 'type')} ${text(record, 'topic')}`.trim();
    case 'ratingRounds':
      return text(record, 'name');
    case 'ratings':
      return `${await enterpriseName(text(record, 'enterpriseId'))} 评议 ${text(record, 'target')}`.trim();
    case 'csrCandidates':
      return `${await enterpriseName(text(record, 'enterpriseId'))} ${text(record, 'year')} 年社会责任先进企业候选`.trim();
    case 'csrYears':
      return `${text(record, 'year')} 年社会责任先进企业评分权重`;
    case 'policies':
      return `${text(record, 'code')} ${text(record, 'title')}`.trim();
    case 'attachments':
      return text(record, 'fileName');
  }
}

export async function loadConflictList(): Promise<ConflictListRow[]> {
  const open = await openConflicts();
  const rows: ConflictListRow[] = [];
  for (const { conflict, current } of open) {
    const stored = (current ?? conflict.winner) as Row;
    rows.push({
      id: conflict.id,
      table: conflict.table,
      tableLabel: syncedTableLabels[conflict.table],
      recordName: (await recordName(conflict.table, stored)) || conflict.recordId,
      detectedAt: conflict.detectedAt,
      current: versionOf(stored),
      other: versionOf(conflict.loser),
      differences: fieldDifferences(stored, conflict.loser, conflict.table),
    });
  }
  return rows;
}
