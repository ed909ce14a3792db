// 问题诉求: every problem, filterable, with the 首问负责制 counts on top and the two tabs an officer
// works from (due within 2 working days, overdue). 100,000 problems stay usable: ids come from
// indexes (keys only), only the 50 rows of the page on screen are read, and the counts stream
// through the table in chunks without keeping it. Filters live in the URL, so "back" keeps them.
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { outcomeClasses, problemStatuses, type OutcomeClass, type ProblemStatus } from '../../../../shared/domain/records';
import { problemTimeliness } from '../../../../shared/problems/problemTimeliness';
import {
  hasFilters,
  knownOfficers,
  loadProblemRows,
  pageNewestProblems,
  queryProblemIds,
  summarizeFromTallies,
  summarizeProblems,
  type NewestCursor,
  type ProblemFilters,
  type ProblemRow,
} from './problemRepo';
import { today as todayInShanghai } from '../../../../shared/calendar/shanghaiDate';
import { ProblemCountsBar } from './ProblemCountsBar';
import { useRememberedCounts } from './rememberedCounts';
import { ComplaintTag, DeadlineCell, StatusTag } from './ProblemTags';
import { RaiseProblemModal } from './RaiseProblemModal';
import { useSettings } from '../../db/settingsStore';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { ProblemLightTag } from '../meetings/SupervisionLightTag';

const PAGE_SIZE = 50;
type TabKey = 'all' | 'dueSoon' | 'overdue';
const filterKeys = ['status', 'department', 'category', 'town', 'officer', 'enterpriseId', 'outcome', 'from', 'to', 'q', 'assignedOfficer'] as const;

function filtersFrom(params: URLSearchParams): ProblemFilters {
  const filters: ProblemFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) (filters as Record<string, string>)[key] = value;
  }
  return filters;
}

export function ProblemListPage() {
  const settings = useSettings();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [raising, setRaising] = useState(false);
  const filters = useMemo(() => filtersFrom(params), [params]);
  const filtersKey = JSON.stringify(filters);
  const tab = (params.get('tab') as TabKey | null) ?? 'all';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const today = todayInShanghai();
  const overrides = settings?.calendarOverrides;
  // Empty until the settings load, so the counts re-run when they arrive (even with no overrides).
  const overridesKey = overrides ? JSON.stringify(overrides) : '';

  // With no filter the 全部 tab pages by key range on the raisedDate index (50 rows a page, at once);
  // filtered views get their matching ids from the filter indexes and page through those.
  const filtered = hasFilters(filters);
  const keyset = !filtered && tab === 'all';
  const [cursors, setCursors] = useState<NewestCursor[]>([]);
  const cursor = cursors.at(-1);
  const keysetRows = useLiveQuery(
    () => (keyset ? pageNewestProblems(cursor, PAGE_SIZE) : undefined),
    [keyset, cursor?.raisedDate, cursor?.id],
  );

  // Each result carries the key it was computed for: after a filter change the previous result
  // still arrives for a moment, and must not be shown as if it were the new one.
  // On a due tab with the tallies answering, the matching ids of 全部 are not needed (at 100,000
  // problems one officer's are thousands): read when 全部 is opened.
  const fromTallies = Object.keys(filters).every((key) => key === 'officer');
  const idsWanted = tab === 'all' || !fromTallies;
  const idsResult = useLiveQuery(
    async () => ({ key: filtersKey, ids: filtered && idsWanted ? await queryProblemIds(filters) : ('all' as const) }),
    [filtersKey, idsWanted],
  );
  const ids = idsResult?.key === filtersKey ? idsResult.ids : undefined;
  const summaryKey = `${filtersKey}|${today}|${overridesKey}`;
  // With no filter but the first responder, the counts and the two due tabs come from the tallies and
  // the deadline index (no problem read). Other filters count the matching problems by reading them,
  // after the first rows so those are not queued behind it.
  const firstRowsShown = !keyset || keysetRows !== undefined;
  const summaryResult = useLiveQuery(
    () =>
      !overrides
        ? undefined
        : fromTallies
          ? summarizeFromTallies(filters.officer, today, overrides).then((found) => ({ key: summaryKey, ...found }))
          : ids && firstRowsShown
            ? summarizeProblems(ids, today, overrides).then((found) => ({ key: summaryKey, ...found }))
            : undefined,
    [ids, summaryKey, firstRowsShown, fromTallies],
  );
  const summary = summaryResult?.key === summaryKey ? summaryResult : undefined;
  // Read when the officer filter is first opened: the distinct-keys walk over 100k entries would
  // otherwise queue in front of the first page.
  const [officerListWanted, setOfficerListWanted] = useState(Boolean(filters.officer));
  const officers = useLiveQuery(() => (officerListWanted ? knownOfficers() : []), [officerListWanted]) ?? [];

  const tabIds = useMemo(() => {
    if (tab === 'dueSoon') return summary?.dueSoonIds ?? [];
    if (tab === 'overdue') return summary?.overdueIds ?? [];
    const all = ids === undefined || ids === 'all' ? [] : ids;
    return summary && summary.deletedIds.size > 0 ? all.filter((id) => !summary.deletedIds.has(id)) : all;
  }, [tab, ids, summary]);
  const pageIds = keyset ? [] : tabIds.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageKey = pageIds.join(',');
  const idRows = useLiveQuery(() => (keyset ? undefined : loadProblemRows(pageIds)), [keyset, pageKey]);
  const rows = keyset ? keysetRows : idRows;
  const allCount = summary?.counts.total ?? (ids === 'all' ? undefined : ids?.length);

  function update(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setCursors([]);
    setParams(next, { replace: true });
  }

  const columns: ColumnsType<ProblemRow> = [
    { title: '提出日期', key: 'raisedDate', width: 110, render: (_, r) => r.problem.raisedDate },
    {
      title: '企业',
      key: 'enterprise',
      width: 200,
      render: (_, r) => (
        <span>
          {r.enterpriseName}
          {r.town && <Typography.Text type="secondary"> · {r.town}</Typography.Text>}
        </span>
      ),
    },
    { title: '类别', key: 'category', width: 110, render: (_, r) => r.problem.category },
    {
      title: '问题描述',
      key: 'description',
      // One line per row keeps 50 rows scannable; the whole description shows on hover.
      ellipsis: { showTitle: false },
      render: (_, r) => (
        <Tooltip title={r.problem.description} placement="topLeft" styles={{ root: { maxWidth: 560 } }}>
          <span>
            <ComplaintTag problem={r.problem} />
            <Link to={`/problems/${r.problem.id}`} onClick={(e) => e.stopPropagation()}>
              {r.problem.description}
            </Link>
          </span>
        </Tooltip>
      ),
    },
    {
      title: '办理',
      key: 'handling',
      width: 150,
      render: (_, r) => (r.problem.handling === '转办' ? `转办 · ${r.problem.department}` : r.problem.department || '本部门'),
    },
    {
      title: '答复期限',
      key: 'deadline',
      width: 230,
      render: (_, r) => (
        <DeadlineCell problem={r.problem} timeliness={problemTimeliness(r.problem, today, overrides ?? {})} />
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 140,
      // With its 亮灯督办 light (issue 16): the open decision's deadline, else the reply deadline while unanswered.
      render: (_, r) => (
        <Space size={0} wrap>
          <StatusTag status={r.problem.status} />
          <ProblemLightTag problem={r.problem} settings={settings} today={today} />
        </Space>
      ),
    },
    { title: '首问责任人', key: 'officer', width: 100, render: (_, r) => r.problem.officer || '—' },
  ];

  const option = (v: string) => ({ value: v, label: v });
  const { counts, stale: countsStale } = useRememberedCounts(summaryKey, summary?.counts);

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          问题诉求
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)}>
          登记问题
        </Button>
      </Flex>

      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {/* Searched on Enter (each search reads the rows the other filters leave); keyed by the
            URL's keyword so 清除筛选 and "back" show what is searched. */}
        <Input.Search
          key={filters.q ?? ''}
          aria-label="关键词"
          placeholder="搜索问题描述、企业诉求"
          allowClear
          style={{ width: 240 }}
          defaultValue={filters.q}
          onSearch={(v) => update({ q: v.trim() || undefined })}
        />
        <div style={{ width: 260 }}>
          <EnterpriseSelect
            aria-label="企业"
            placeholder="企业名称、拼音首字母或信用代码"
            value={filters.enterpriseId}
            onChange={(id) => update({ enterpriseId: id })}
          />
        </div>
        <Select
          aria-label="状态"
          placeholder="状态"
          allowClear
          style={{ width: 110 }}
          value={filters.status}
          options={problemStatuses.map(option)}
          onChange={(v: ProblemStatus | undefined) => update({ status: v })}
        />
        <Select
          aria-label="办理成效"
          placeholder="办理成效"
          allowClear
          style={{ width: 190 }}
          value={filters.outcome}
          options={outcomeClasses.map(option)}
          onChange={(v: OutcomeClass | undefined) => update({ outcome: v })}
        />
        <Select
          aria-label="责任部门"
          placeholder="责任部门"
          allowClear
          showSearch
          style={{ width: 170 }}
          value={filters.department}
          options={(settings?.departments ?? []).map(option)}
          onChange={(v: string | undefined) => update({ department: v })}
        />
        <Select
          aria-label="问题类别"
          placeholder="问题类别"
          allowClear
          showSearch
          style={{ width: 150 }}
          value={filters.category}
          options={(settings?.categories ?? []).map(option)}
          onChange={(v: string | undefined) => update({ category: v })}
        />
        <Select
          aria-label="所属区镇"
          placeholder="所属区镇"
          allowClear
          style={{ width: 170 }}
          value={filters.town}
          options={(settings?.towns ?? []).map(option)}
          onChange={(v: string | undefined) => update({ town: v })}
        />
        <Select
          aria-label="首问责任人"
          placeholder="首问责任人"
          allowClear
          showSearch
          style={{ width: 130 }}
          value={filters.officer}
          options={(officers.length > 0 || !filters.officer ? officers : [filters.officer]).map(option)}
          onOpenChange={(open) => {
            if (open) setOfficerListWanted(true);
          }}
          notFoundContent={officerListWanted && officers.length === 0 ? '暂无' : '加载中…'}
          onChange={(v: string | undefined) => update({ officer: v })}
        />
        <DatePicker.RangePicker
          aria-label="提出日期范围"
          placeholder={['提出日期从', '至']}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
        />
        {filters.assignedOfficer && (
          <Tag closable onClose={() => update({ assignedOfficer: undefined })}>
            仅看 {filters.assignedOfficer} 联系的企业
          </Tag>
        )}
        {Object.keys(filters).length > 0 && (
          <Button onClick={() => setParams(new URLSearchParams(tab === 'all' ? {} : { tab }), { replace: true })}>
            清除筛选
          </Button>
        )}
      </Flex>

      <ProblemCountsBar counts={counts} stale={countsStale} />

      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'all' ? undefined : key })}
        items={[
          { key: 'all', label: `全部（${allCount ?? '…'}）` },
          { key: 'dueSoon', label: `两个工作日内到期（${counts?.dueSoon ?? '…'}）` },
          { key: 'overdue', label: `已逾期（${counts?.overdue ?? '…'}）` },
        ]}
      />

      <Table<ProblemRow>
        rowKey={(r) => r.problem.id}
        size="small"
        columns={columns}
        dataSource={rows ?? []}
        loading={rows === undefined || (tab === 'all' ? ids === undefined : summary === undefined)}
        locale={{ emptyText: '没有符合条件的问题' }}
        onRow={(r) => ({ onClick: () => navigate(`/problems/${r.problem.id}`), style: { cursor: 'pointer' } })}
        pagination={
          keyset
            ? false
            : {
                current: page,
                pageSize: PAGE_SIZE,
                total: tabIds.length,
                showSizeChanger: false,
                showTotal: (total) => `共 ${total} 条`,
                onChange: (p) => update({ page: p === 1 ? undefined : String(p) }),
              }
        }
      />
      {keyset && (
        <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">
            第 {cursors.length + 1} 页{allCount !== undefined ? `，共 ${allCount} 条` : ''}
          </Typography.Text>
          <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
            上一页
          </Button>
          <Button
            disabled={!keysetRows || keysetRows.length < PAGE_SIZE}
            onClick={() => {
              const last = keysetRows?.at(-1)?.problem;
              if (last) setCursors([...cursors, { raisedDate: last.raisedDate, id: last.id }]);
            }}
          >
            下一页
          </Button>
        </Flex>
      )}

      <RaiseProblemModal
        open={raising}
        onClose={() => setRaising(false)}
        onSaved={(p) => navigate(`/problems/${p.id}`)}
      />
    </div>
  );
}
