// 月度填报 (seed 001: every town reports every project's progress each month): one row per in-library
// project of the officer (or a town, or all) for a month, last month's entry beside this month's cells.
// Tab and Enter move along a row and on to the next; Enter on the last cell, the row's 保存 or leaving
// an edited row saves it through saveProgressEntry (one entry per project and month, the stage moves
// on). Rows still missing stand out; a blocker becomes a problem (问题诉求) in one step.
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { projectStages, type ProjectStage } from '../../../../shared/domain/records';
import { RuleError } from '../../../../shared/errors/ruleError';
import { previousMonth, shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { useSettings } from '../../db/settingsStore';
import { confirmInvestmentOverTotal } from './overTotalConfirm';
import { loadMonthlyRound, raiseProblemFromBlocker, type MonthlyRoundRow, type RoundScope } from './monthlyRoundRepo';
import { formatWanUsd, StageTag } from './projectDisplay';
import { saveProgressEntry } from './projectRepo';

interface RowValues {
  stage: ProjectStage;
  progress: string;
  investmentToDate: number | null;
  blockers: string;
}

/** The editable cells of a row, in keyboard order. */
const cells = ['stage', 'progress', 'investmentToDate', 'blockers'] as const;
type Cell = (typeof cells)[number];

function storedValues(row: MonthlyRoundRow): RowValues {
  const e = row.entry;
  return e
    ? { stage: e.stage, progress: e.progress, investmentToDate: e.investmentToDate ?? null, blockers: e.blockers }
    : { stage: row.project.stage, progress: '', investmentToDate: null, blockers: '' };
}

const cellId = (projectId: string, cell: Cell) => `round-${projectId}-${cell}`;

function focusCell(projectId: string | undefined, cell: Cell) {
  if (!projectId) return;
  document.getElementById(cellId(projectId, cell))?.focus();
}

function scopeOf(key: string, officer: string): RoundScope {
  if (key === 'all') return { kind: 'all' };
  if (key.startsWith('town:')) return { kind: 'town', town: key.slice(5) };
  return { kind: 'officer', officer };
}

function CellError({ message }: { message?: string }) {
  return message ? (
    <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }} role="alert">
      {message}
    </Typography.Text>
  ) : null;
}

function LastMonth({ row }: { row: MonthlyRoundRow }) {
  const p = row.previous;
  if (!p) return <Typography.Text type="secondary">上月未填报</Typography.Text>;
  return (
    <div style={{ fontSize: 12 }}>
      <StageTag stage={p.stage} />
      <div>{p.progress}</div>
      {p.investmentToDate !== undefined ? <Typography.Text type="secondary">累计 {formatWanUsd(p.investmentToDate)} 万美元</Typography.Text> : null}
      {p.blockers ? <div style={{ color: '#ad6800' }}>问题：{p.blockers}</div> : null}
    </div>
  );
}

/** 转为问题诉求: the category (default the first) for the blocker text, raised for the project's enterprise. */
function RaiseFromBlockerModal({ row, month, onClose }: { row: MonthlyRoundRow; month: string; onClose: () => void }) {
  const settings = useSettings();
  const { message } = App.useApp();
  const [category, setCategory] = useState<string | undefined>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const chosen = category ?? settings?.categories[0];

  async function submit() {
    if (!settings || !chosen) return;
    setSaving(true);
    try {
      await raiseProblemFromBlocker(row.project.id, month, chosen, settings);
      message.success('已转为问题诉求');
      onClose();
    } catch (e) {
      setError(e instanceof RuleError ? e.issues.map((i) => i.message).join('；') : String(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title="转为问题诉求" open onCancel={onClose} onOk={() => void submit()} okText="登记问题" cancelText="取消" confirmLoading={saving}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical" aria-label="转为问题诉求">
        <Form.Item label="企业">{row.enterprise?.name}</Form.Item>
        <Form.Item label="项目">{row.project.name}</Form.Item>
        <Form.Item label="问题类别" htmlFor="raise-category" required>
          <Select
            id="raise-category"
            value={chosen}
            onChange={setCategory}
            options={(settings?.categories ?? []).map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item label="问题描述（本月存在问题）">
          <Typography.Paragraph style={{ margin: 0 }}>{row.entry?.blockers}</Typography.Paragraph>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MonthlyRoundPage() {
  const settings = useSettings();
  const { message, modal } = App.useApp();
  const [month, setMonth] = useState(shanghaiMonth());
  const [scopeKey, setScopeKey] = useState('mine');
  const officer = settings?.officerName ?? '';
  const round = useLiveQuery(
    () => (settings ? loadMonthlyRound(month, scopeOf(scopeKey, officer)) : undefined),
    [month, scopeKey, officer, settings !== undefined],
  );
  const [drafts, setDrafts] = useState<Record<string, RowValues>>({});
  const [errors, setErrors] = useState<Record<string, Partial<Record<Cell | 'row', string>>>>({});
  const [raising, setRaising] = useState<MonthlyRoundRow>();
  const saving = useRef(new Set<string>());
  // What each row last saved: until the list reads it back the row still looks edited, and leaving it
  // (focus moving on after Enter saved it) must not save it a second time.
  const lastSaved = useRef(new Map<string, string>());
  // Rows whose 累计完成投资 box holds text that is no number ("abc"): the box reports no value then,
  // which must not be saved as "not given".
  const [notANumber, setNotANumber] = useState<ReadonlySet<string>>(new Set());
  const rows = round?.rows ?? [];

  const valuesOf = (row: MonthlyRoundRow) => drafts[row.project.id] ?? storedValues(row);
  const isDirty = (row: MonthlyRoundRow) => {
    const draft = drafts[row.project.id];
    if (draft === undefined) return false;
    const typed = JSON.stringify(draft);
    return typed !== JSON.stringify(storedValues(row)) && typed !== lastSaved.current.get(row.project.id);
  };

  function noteInvestmentText(row: MonthlyRoundRow, text: string) {
    const plain = text.replace(/[,，\s]/g, '');
    const invalid = plain !== '' && !Number.isFinite(Number(plain));
    setNotANumber((set) => {
      if (set.has(row.project.id) === invalid) return set;
      const next = new Set(set);
      if (invalid) next.add(row.project.id);
      else next.delete(row.project.id);
      return next;
    });
  }

  function change(row: MonthlyRoundRow, cell: Cell, value: RowValues[Cell]) {
    setDrafts((d) => ({ ...d, [row.project.id]: { ...valuesOf(row), [cell]: value } }));
  }

  function chooseMonth(next: string) {
    setMonth(next);
    setDrafts({});
    setErrors({});
  }

  /** Saves the row; true when saved (or nothing to save). */
  async function saveRow(row: MonthlyRoundRow): Promise<boolean> {
    const id = row.project.id;
    if (!settings || saving.current.has(id)) return false;
    saving.current.add(id);
    const values = valuesOf(row);
    setErrors((e) => ({ ...e, [id]: {} }));
    if (notANumber.has(id)) {
      saving.current.delete(id);
      setErrors((e) => ({ ...e, [id]: { investmentToDate: '累计完成投资应为数字（万美元），如 1200 或 1200.5' } }));
      return false;
    }
    try {
      if (!(await confirmInvestmentOverTotal(modal, row.project, values.investmentToDate))) {
        setErrors((e) => ({ ...e, [id]: { investmentToDate: '累计完成投资超过总投资，请核对后再保存' } }));
        return false;
      }
      const saved = await saveProgressEntry(id, { month, ...values, confirmOverTotal: true }, settings);
      // What was saved stays in the cells until the list reads it back (no flash of the old values).
      const e = saved.entry;
      const savedValues: RowValues = { stage: e.stage, progress: e.progress, investmentToDate: e.investmentToDate ?? null, blockers: e.blockers };
      lastSaved.current.set(id, JSON.stringify(savedValues));
      setDrafts((d) => ({ ...d, [id]: savedValues }));
      message.success(
        `${row.project.name}：${month} 进展已保存${saved.project.stage !== row.project.stage ? `，阶段更新为“${saved.project.stage}”` : ''}`,
      );
      return true;
    } catch (error) {
      if (error instanceof RuleError) {
        const byCell: Partial<Record<Cell | 'row', string>> = {};
        for (const issue of error.issues) {
          const cell = (cells as readonly string[]).includes(issue.field) ? (issue.field as Cell) : 'row';
          byCell[cell] = byCell[cell] ? `${byCell[cell]}；${issue.message}` : issue.message;
        }
        setErrors((e) => ({ ...e, [id]: byCell }));
      } else {
        setErrors((e) => ({ ...e, [id]: { row: `保存失败：${String(error)}` } }));
      }
      return false;
    } finally {
      saving.current.delete(id);
    }
  }

  /** A free-text cell of a row (本月进展, 存在问题): grows to four lines, its error under it. */
  function textCell(row: MonthlyRoundRow, index: number, cell: 'progress' | 'blockers', label: string, maxLength: number, placeholder?: string) {
    return (
      <>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          id={cellId(row.project.id, cell)}
          aria-label={`${row.project.name} ${label}`}
          value={valuesOf(row)[cell]}
          maxLength={maxLength}
          placeholder={placeholder}
          status={errors[row.project.id]?.[cell] ? 'error' : undefined}
          onChange={(e) => change(row, cell, e.target.value)}
          onKeyDown={(e) => onCellKey(e, index, cell)}
        />
        <CellError message={errors[row.project.id]?.[cell]} />
      </>
    );
  }

  /**
   * Enter on a cell moves to the next cell (the text cells wrap but take no line breaks: one line of
   * progress a month); on the last one it saves and moves to the next row.
   */
  function onCellKey(event: KeyboardEvent, index: number, cell: Cell) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const row = rows[index]!;
    const at = cells.indexOf(cell);
    if (at < cells.length - 1) {
      focusCell(row.project.id, cells[at + 1]!);
      return;
    }
    const next = rows[index + 1]?.project.id;
    void saveRow(row).then((ok) => {
      if (ok) focusCell(next, 'stage');
    });
  }

  /** Leaving an edited row saves it. */
  function onRowBlur(event: FocusEvent<HTMLElement>, row: MonthlyRoundRow) {
    const to = event.relatedTarget as Node | null;
    if (to && event.currentTarget.contains(to)) return;
    // A Select's dropdown and the confirmation dialog live outside the row.
    if (to instanceof Element && to.closest('.ant-select-dropdown, .ant-modal')) return;
    if (isDirty(row)) void saveRow(row);
  }

  const columns: ColumnsType<MonthlyRoundRow> = [
    {
      title: '项目',
      key: 'project',
      width: 190,
      render: (_, row) => (
        <div>
          <Link to={`/projects/${row.project.id}`}>{row.project.name}</Link>
          <div style={{ fontSize: 12 }}>
            <Typography.Text type="secondary">{row.project.town}</Typography.Text>{' '}
            {row.missing ? <Tag color="warning">未填报</Tag> : <Tag color="success">已填报</Tag>}
          </div>
          <CellError message={errors[row.project.id]?.row} />
        </div>
      ),
    },
    { title: `上月（${previousMonth(month)}）`, key: 'previous', width: 190, render: (_, row) => <LastMonth row={row} /> },
    {
      title: '本月阶段',
      key: 'stage',
      width: 150,
      render: (_, row, index) => (
        <>
          <Select
            id={cellId(row.project.id, 'stage')}
            aria-label={`${row.project.name} 本月阶段`}
            value={valuesOf(row).stage}
            onChange={(v: ProjectStage) => change(row, 'stage', v)}
            options={projectStages.map((s) => ({ value: s, label: s }))}
            status={errors[row.project.id]?.stage ? 'error' : undefined}
            style={{ width: '100%' }}
            onInputKeyDown={(e) => {
              // Enter picks an option while the list is open; with it closed, Enter moves on.
              if (e.key === 'Enter' && !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')) onCellKey(e, index, 'stage');
            }}
          />
          <CellError message={errors[row.project.id]?.stage} />
        </>
      ),
    },
    {
      title: '本月进展',
      key: 'progress',
      render: (_, row, index) => (
        <>
          {textCell(row, index, 'progress', '本月进展', 500)}
        </>
      ),
    },
    {
      title: '累计完成投资（万美元）',
      key: 'investmentToDate',
      width: 140,
      render: (_, row, index) => (
        <>
          <InputNumber
            id={cellId(row.project.id, 'investmentToDate')}
            aria-label={`${row.project.name} 累计完成投资`}
            value={valuesOf(row).investmentToDate}
            status={errors[row.project.id]?.investmentToDate ? 'error' : undefined}
            style={{ width: '100%' }}
            onChange={(v) => change(row, 'investmentToDate', typeof v === 'number' ? v : null)}
            onInput={(text) => noteInvestmentText(row, text)}
            onKeyDown={(e) => onCellKey(e, index, 'investmentToDate')}
          />
          {row.project.totalInvestment !== undefined ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              总投资 {formatWanUsd(row.project.totalInvestment)}
            </Typography.Text>
          ) : null}
          <CellError message={errors[row.project.id]?.investmentToDate} />
        </>
      ),
    },
    {
      title: '存在问题',
      key: 'blockers',
      render: (_, row, index) => (
        <>
          {textCell(row, index, 'blockers', '存在问题', 300, '需协调的问题')}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, row) => (
        <Space direction="vertical" size={2}>
          <Button size="small" type={isDirty(row) ? 'primary' : 'default'} onClick={() => void saveRow(row)} aria-label={`保存 ${row.project.name}`}>
            保存
          </Button>
          {row.blockerProblem ? (
            <Link to={`/problems/${row.blockerProblem.id}`} aria-label={`${row.project.name} 的问题诉求`}>
              问题诉求：{row.blockerProblem.status}
            </Link>
          ) : row.entry?.blockers ? (
            row.enterprise ? (
              <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setRaising(row)}>
                转为问题诉求
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                项目未关联企业，不能转为问题诉求
              </Typography.Text>
            )
          ) : null}
        </Space>
      ),
    },
  ];

  const towns = settings?.towns ?? [];
  return (
    <div>
      <style>{'.monthly-round-missing > td { background: #fffbe6 !important; }'}</style>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space align="baseline" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            月度填报
          </Typography.Title>
          {round ? (
            <Typography.Text strong aria-label="填报进度" style={{ fontSize: 16 }}>
              已填报 {round.done} / 共 {round.total}
            </Typography.Text>
          ) : null}
        </Space>
        <Link to="/projects">返回重点项目</Link>
      </Flex>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <span>填报月份</span>
        <DatePicker
          picker="month"
          format="YYYY-MM"
          aria-label="填报月份"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') > shanghaiMonth()}
          onChange={(d) => {
            if (d) chooseMonth(d.format('YYYY-MM'));
          }}
        />
        <span style={{ marginLeft: 12 }}>范围</span>
        <Select
          aria-label="范围"
          style={{ width: 220 }}
          value={scopeKey}
          onChange={(v: string) => {
            setScopeKey(v);
            setDrafts({});
            setErrors({});
          }}
          options={[
            { value: 'mine', label: `我牵头的项目${officer ? `（${officer}）` : ''}` },
            { value: 'all', label: '全部区镇' },
            ...towns.map((t) => ({ value: `town:${t}`, label: t })),
          ]}
        />
        <Typography.Text type="secondary">Tab、回车在单元格间移动；最后一格回车保存本行并转到下一行</Typography.Text>
      </Flex>
      {scopeKey === 'mine' && !officer ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="设置中尚未填写本人姓名，无法列出“我牵头的项目”：请到“设置”填写，或选择区镇、全部区镇" />
      ) : null}
      <Table<MonthlyRoundRow>
        aria-label="月度填报"
        rowKey={(row) => row.project.id}
        size="small"
        loading={round === undefined}
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(row) => (row.missing ? 'monthly-round-missing' : '')}
        onRow={(row) => ({ onBlur: (event: FocusEvent<HTMLElement>) => onRowBlur(event, row) })}
        locale={{ emptyText: '该范围内没有在库项目' }}
      />
      {raising ? <RaiseFromBlockerModal row={raising} month={month} onClose={() => setRaising(undefined)} /> : null}
    </div>
  );
}
