// One key project: its profile and stage, 移出项目库 / 重新入库, the monthly progress entries (newest
// month first) with 填报本月进展, and the problems raised for it, with 登记问题 preset to the project.
import { DeleteOutlined, EditOutlined, FormOutlined, LoginOutlined, LogoutOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Space, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { projectStages, type KeyProject, type ProgressEntry, type Problem, type ProjectHistoryEntry } from '../../../../shared/domain/records';
import { deadlineText } from '../../../../shared/problems/problemDeadline';
import { monthsInLibrary, shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { projectHistoryOf } from '../../../../shared/projects/projectHistory';
import { stageRank } from '../../../../shared/projects/projectStageOrder';
import { RecordGone, useConfirmDeletion } from '../../components/recordDeletion';
import { isLive } from '../../../../shared/sync/recordStamp';
import { StatusTag } from '../problems/ProblemTags';
import { RaiseProblemModal } from '../problems/RaiseProblemModal';
import { LibraryMembershipModal } from './LibraryMembershipModal';
import { formatWanUsd, LibraryTag, MissingMonthTag, StageTag } from './projectDisplay';
import { ProgressEntryModal } from './ProgressEntryModal';
import { ProjectFormModal } from './ProjectFormModal';
import { deleteProject, progressEntriesNewestFirst, projectProblems } from './projectRepo';
import { getEnterprise } from '../enterprises/enterpriseRepo';
import { getProject } from './projectRepo';

/** A month of the 月度进展 table: its entry, or none yet (未填报). */
interface MonthRow {
  id: string;
  month: string;
  entry?: ProgressEntry;
}

type OpenModal = { kind: 'edit' } | { kind: 'membership' } | { kind: 'progress'; month?: string } | { kind: 'problem' };

function ProjectProfile({ project }: { project: KeyProject }) {
  const enterprise = useLiveQuery(
    async () => (project.enterpriseId ? ((await getEnterprise(project.enterpriseId)) ?? null) : null),
    [project.enterpriseId],
  );
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={[
        {
          key: 'enterprise',
          label: '关联企业',
          children:
            enterprise && isLive(enterprise) ? (
              <Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link>
            ) : project.enterpriseId ? (
              '（企业已删除）'
            ) : (
              '尚未设立企业'
            ),
        },
        { key: 'town', label: '所属区镇', children: project.town },
        { key: 'region', label: '投资方来源', children: project.investorRegion },
        { key: 'lead', label: '牵头人', children: project.leadOfficer },
        { key: 'total', label: '总投资（万美元）', children: formatWanUsd(project.totalInvestment) },
        { key: 'capital', label: '注册外资（万美元）', children: formatWanUsd(project.registeredForeignCapital) },
        { key: 'library', label: '在库状态', children: <LibraryTag project={project} /> },
        { key: 'entry', label: '入库日期', children: project.libraryEntryDate ?? '' },
        { key: 'source', label: '入库来源', children: project.libraryEntrySource ?? '（未记录）' },
        ...(project.inLibrary
          ? []
          : [
              { key: 'exit', label: '移出日期', children: project.libraryExitDate ?? '' },
              { key: 'reason', label: '移出原因', children: exitReasonText(project.libraryExitReasonKind, project.libraryExitReason) },
            ]),
      ]}
    />
  );
}

/** One titled table of the page: the progress entries, the problems. */
function SectionTable<Row extends { id: string }>(props: {
  label: string;
  /** What one row counts as in the title, e.g. 个月. */
  unit: string;
  rows: Row[] | undefined;
  columns: ColumnsType<Row>;
  pageSize: number;
  emptyText: string;
}) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {props.label}（{props.rows?.length ?? 0} {props.unit}）
      </Typography.Title>
      <Table<Row>
        aria-label={props.label}
        rowKey="id"
        size="small"
        loading={props.rows === undefined}
        columns={props.columns}
        dataSource={props.rows}
        pagination={{ pageSize: props.pageSize, hideOnSinglePage: true }}
        locale={{ emptyText: props.emptyText }}
      />
    </>
  );
}

/** An exit's reason: the kind from the list and the words, as far as they were recorded. */
function exitReasonText(kind: string | undefined, text: string): string {
  return [kind, text].filter(Boolean).join('：');
}

/** 入库 after an earlier one reads 重新入库 (with its source); an exit its reason; a stage change reads from → to. */
function historyRows(history: readonly ProjectHistoryEntry[]) {
  let entries = 0;
  return history.map((event, index) => {
    const first = event.kind === '入库' && entries++ === 0;
    const what = event.kind === '入库' ? (first ? '入库' : '重新入库') : event.kind === '移出' ? '移出项目库' : '阶段变更';
    const detail =
      event.kind === '阶段变更'
        ? event.from
          ? `${event.from} → ${event.to ?? ''}`
          : `登记为“${event.to ?? ''}”`
        : event.kind === '入库'
          ? event.entrySource
            ? `入库来源：${event.entrySource}`
            : ''
          : exitReasonText(event.reasonKind, event.reason);
    return { id: String(index), date: event.date, what, detail, source: event.source, by: event.by, reconstructed: event.reconstructed ?? false };
  });
}

const projectDeletion = {
  noun: '项目',
  consequence: '删除后该项目不再出现在项目库和报表中；已有的月度进展和问题记录保留。',
  listPath: '/projects',
  listName: '返回重点项目',
};

export function ProjectDetailPage() {
  const { projectId = '' } = useParams();
  const { message } = App.useApp();
  const [open, setOpen] = useState<OpenModal | undefined>();
  const month = shanghaiMonth();

  const confirmDeletion = useConfirmDeletion(projectDeletion);
  const project = useLiveQuery(async () => (await getProject(projectId)) ?? null, [projectId]);
  const entries = useLiveQuery(() => progressEntriesNewestFirst(projectId), [projectId]);
  const problems = useLiveQuery(() => projectProblems(projectId), [projectId]);

  if (project === undefined) return null;
  if (project === null || !isLive(project)) {
    return <RecordGone {...projectDeletion} deleted={project !== null} />;
  }

  const missingThisMonth = project.inLibrary && entries !== undefined && !entries.some((e) => e.month === month);
  const fullHistory = entries ? projectHistoryOf(project, entries) : undefined;
  const history = fullHistory ? historyRows(fullHistory).reverse() : undefined;
  // Every month in the library, newest first: the entry, or a 未填报 row for a month that has none.
  const monthRows: MonthRow[] | undefined =
    entries && fullHistory
      ? [
          ...entries.map((entry) => ({ id: entry.id, month: entry.month, entry })),
          ...monthsInLibrary(fullHistory, month)
            .filter((m) => !entries.some((e) => e.month === m))
            .map((m) => ({ id: `missing-${m}`, month: m })),
        ].sort((a, b) => b.month.localeCompare(a.month))
      : undefined;
  const close = () => setOpen(undefined);

  const entryColumns: ColumnsType<MonthRow> = [
    { title: '月份', key: 'month', width: 90, render: (_, r) => r.month },
    {
      title: '项目阶段',
      key: 'stage',
      width: 140,
      render: (_, r) => (r.entry ? <StageTag stage={r.entry.stage} /> : <Tag color="warning">未填报</Tag>),
    },
    { title: '本月进展', key: 'progress', render: (_, r) => r.entry?.progress ?? '' },
    {
      title: '累计完成投资（万美元）',
      key: 'invested',
      width: 120,
      align: 'right',
      render: (_, r) => formatWanUsd(r.entry?.investmentToDate),
    },
    { title: '存在问题', key: 'blockers', render: (_, r) => r.entry?.blockers ?? '' },
    { title: '填报人', key: 'by', width: 80, render: (_, r) => r.entry?.updatedBy ?? '' },
    {
      title: '操作',
      key: 'edit',
      width: 70,
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          aria-label={`${r.entry ? '修改' : '补报'} ${r.month} 进展`}
          onClick={() => setOpen({ kind: 'progress', month: r.month })}
        >
          {r.entry ? '修改' : '补报'}
        </Button>
      ),
    },
  ];

  const problemColumns: ColumnsType<Problem> = [
    { title: '提出日期', key: 'raised', width: 110, render: (_, p) => p.raisedDate },
    { title: '类别', key: 'category', width: 120, render: (_, p) => p.category },
    {
      title: '问题描述',
      key: 'description',
      render: (_, p) => <Link to={`/problems/${p.id}`}>{p.description}</Link>,
    },
    { title: '责任部门', key: 'department', width: 140, render: (_, p) => p.department },
    { title: '答复期限', key: 'deadline', width: 110, render: (_, p) => deadlineText(p) || '—' },
    { title: '状态', key: 'status', width: 90, render: (_, p) => <StatusTag status={p.status} /> },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {project.name}
          </Typography.Title>
          <StageTag stage={project.stage} />
          <LibraryTag project={project} />
          {missingThisMonth ? <MissingMonthTag /> : null}
        </Space>
        <Space wrap>
          <Button type="primary" icon={<FormOutlined />} onClick={() => setOpen({ kind: 'progress' })}>
            填报本月进展
          </Button>
          <Tooltip title={project.enterpriseId ? undefined : '项目尚未关联企业，请先在“编辑项目”中选择企业'}>
            <Button icon={<PlusCircleOutlined />} disabled={!project.enterpriseId} onClick={() => setOpen({ kind: 'problem' })}>
              登记问题
            </Button>
          </Tooltip>
          <Button icon={<EditOutlined />} onClick={() => setOpen({ kind: 'edit' })}>
            编辑项目
          </Button>
          <Button icon={project.inLibrary ? <LogoutOutlined /> : <LoginOutlined />} onClick={() => setOpen({ kind: 'membership' })}>
            {project.inLibrary ? '移出项目库' : '重新入库'}
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => confirmDeletion(project.name, async () => deleteProject(project.id))}>
            删除项目
          </Button>
        </Space>
      </Flex>

      <Steps
        size="small"
        current={stageRank(project.stage)}
        items={projectStages.map((s) => ({ title: s }))}
        style={{ marginBottom: 16, maxWidth: 960 }}
        aria-label="项目阶段"
      />

      <ProjectProfile project={project} />

      <SectionTable<MonthRow>
        label="月度进展"
        unit="个月"
        rows={monthRows}
        columns={entryColumns}
        pageSize={12}
        emptyText="还没有填报进展"
      />
      <SectionTable<NonNullable<typeof history>[number]>
        label="入库、移出和阶段变更记录"
        unit="条"
        rows={history}
        columns={[
          { title: '日期', key: 'date', width: 110, render: (_, e) => e.date },
          { title: '事项', key: 'what', width: 110, render: (_, e) => e.what },
          { title: '原因或变化', key: 'detail', render: (_, e) => e.detail },
          { title: '来源', key: 'source', width: 180, render: (_, e) => e.source },
          {
            title: '记录人',
            key: 'by',
            width: 110,
            render: (_, e) => (e.reconstructed ? <Tooltip title="按升级前保存的入库、移出日期和月度进展补记">补记</Tooltip> : e.by),
          },
        ]}
        pageSize={10}
        emptyText="暂无记录"
      />
      <SectionTable<Problem>
        label="项目问题"
        unit="个"
        rows={problems}
        columns={problemColumns}
        pageSize={20}
        emptyText="还没有为该项目登记问题"
      />

      <ProjectFormModal
        open={open?.kind === 'edit'}
        project={project}
        onClose={close}
        onSaved={() => {
          close();
          message.success('项目信息已保存');
        }}
      />
      {open?.kind === 'membership' ? (
        <LibraryMembershipModal
          project={project}
          onClose={close}
          onSaved={(saved) => {
            close();
            message.success(saved.inLibrary ? '项目已重新入库' : '项目已移出项目库');
          }}
        />
      ) : null}
      {open?.kind === 'progress' && entries ? (
        <ProgressEntryModal
          project={project}
          entries={entries}
          month={open.month}
          onClose={close}
          onSaved={(saved) => {
            close();
            message.success(
              `${saved.entry.month} 进展已${saved.replaced ? '保存，替换了该月原有进展' : '保存'}${
                saved.project.stage !== project.stage ? `，项目阶段更新为“${saved.project.stage}”` : ''
              }`,
            );
          }}
        />
      ) : null}
      <RaiseProblemModal
        open={open?.kind === 'problem'}
        enterpriseId={project.enterpriseId}
        projectId={project.id}
        onClose={close}
        onSaved={() => message.success('问题已登记')}
      />
    </div>
  );
}
