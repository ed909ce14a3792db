// 培育库 (issue 15, seed 004: 新增规上企业、新增亿元以上企业、上市培育): for a year and a target, each
// town's goal (typed in the table, saved on Enter or when the cell is left) against the candidates
// that reached it, and the candidates with how each stands — counted from the 经营数据 figures and the
// 规上 flag, or confirmed by hand for 上市 and the bureau's own lists. 加入培育库 adds an enterprise by
// typing its name; a new target name typed there becomes a list of its own.
import { AutoComplete, App, Button, Card, Empty, Flex, Form, Input, InputNumber, Modal, Popconfirm, Progress, Segmented, Select, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { cultivationThresholds, type CandidateRow, type TownProgress } from '../../../../shared/cultivation/cultivationRules';
import { describeError } from '../../../../shared/errors/describeError';
import { DateInput } from '../../components/DateInput';
import { useLiveData } from '../../components/useLiveData';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { useConfirmDiscard } from '../../components/unsavedChanges';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { addCultivationCandidates, loadCultivationYear, removeCultivationCandidate, saveCultivationGoal, setCandidateAchieved } from './cultivationRepo';

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const percent = (share: number | undefined) => (share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`);

export function CultivationPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(shanghaiDate().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const loaded = useLiveData(() => loadCultivationYear(year), [year]);
  const data = loaded.value;
  const target = params.get('target') || data?.targets[0]?.target || '规上';
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<CandidateRow | undefined>();

  const go = (next: { year?: number; target?: string }) =>
    setParams({ year: String(next.year ?? year), target: next.target ?? target }, { replace: true });

  const progress = data?.targets.find((t) => t.target === target);
  const rows = data?.rows.filter((r) => r.candidate.target === target) ?? [];
  const goalTowns: TownProgress[] = data
    ? data.towns.map((town) => progress?.towns.find((t) => t.town === town) ?? { town, candidates: 0, reached: 0 })
    : [];
  for (const t of progress?.towns ?? []) if (!goalTowns.some((g) => g.town === t.town)) goalTowns.push(t);

  /** Bumped when a typed goal is refused: the cell is drawn again with the stored goal, never the refused text. */
  const [goalRedraw, setGoalRedraw] = useState(0);

  async function saveGoal(town: string, typed: string, previous: number | undefined) {
    const text = typed.trim();
    const next = text === '' ? undefined : Number(text);
    if (next !== undefined && (!Number.isInteger(next) || next < 0)) {
      message.error(`${town}的年度目标应为不小于 0 的整数，未保存`);
      setGoalRedraw((n) => n + 1);
      return;
    }
    if (next === previous) return;
    try {
      await saveCultivationGoal(year, target, town, next);
      message.success(next === undefined ? `已清除${town}的${target}目标` : `${town} ${year} 年${target}目标：${next} 家`);
    } catch (error) {
      message.error(`保存失败：${describeError(error)}`);
      setGoalRedraw((n) => n + 1);
    }
  }

  const townColumns: ColumnsType<TownProgress> = [
    { title: '区镇', dataIndex: 'town', key: 'town', width: 220 },
    {
      title: '年度目标（家）',
      key: 'goal',
      width: 150,
      render: (_, t) => (
        // A plain number field: what it shows is what was typed until saved, and the stored goal again when refused.
        <Input
          key={`${year}-${target}-${t.town}-${t.goal ?? ''}-${goalRedraw}`}
          aria-label={`${t.town}年度目标`}
          inputMode="numeric"
          defaultValue={t.goal === undefined ? '' : String(t.goal)}
          placeholder="未定"
          suffix="家"
          style={{ width: 110 }}
          onBlur={(e) => void saveGoal(t.town, e.target.value, t.goal)}
          onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
        />
      ),
    },
    { title: '培育企业', dataIndex: 'candidates', key: 'candidates', align: 'right', width: 100 },
    { title: '已达标', dataIndex: 'reached', key: 'reached', align: 'right', width: 100 },
    {
      title: '完成率',
      key: 'completion',
      render: (_, t) =>
        t.goal ? (
          <Flex gap={8} align="center">
            <Progress percent={Math.min(100, Math.round(((t.reached ?? 0) / t.goal) * 100))} size="small" showInfo={false} style={{ width: 140, margin: 0 }} />
            <span>{percent(t.reached / t.goal)}</span>
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  const threshold = cultivationThresholds[target];
  const candidateColumns: ColumnsType<CandidateRow> = [
    {
      title: '企业',
      key: 'name',
      render: (_, r) => (r.enterprise ? <Link to={`/enterprises/${r.enterprise.id}`}>{r.enterprise.name}</Link> : <Typography.Text type="secondary">（企业不在本机）</Typography.Text>),
    },
    { title: '区镇', key: 'town', width: 100, render: (_, r) => r.enterprise?.town || '—' },
    ...(threshold !== undefined
      ? [
          {
            title: '本年累计产值（万元）',
            key: 'ytd',
            align: 'right' as const,
            width: 170,
            render: (_: unknown, r: CandidateRow) => (r.output ? `${numberFormat.format(r.output.outputValueYtd)}（${Number(r.output.month.slice(5))} 月）` : '—'),
          },
        ]
      : []),
    {
      title: '进展',
      key: 'state',
      render: (_, r) => (
        <Flex gap={6} align="center" wrap>
          {r.state.reached ? <Tag color="success">已达标</Tag> : <Tag color="processing">培育中</Tag>}
          <Typography.Text type="secondary">
            {r.state.how}
            {!r.state.reached && r.state.gap !== undefined ? `，距 ${numberFormat.format(threshold!)} 万元还差 ${numberFormat.format(r.state.gap)} 万元` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '培育措施', key: 'note', render: (_, r) => r.candidate.note || <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, r) => (
        <Flex gap={4}>
          {r.candidate.achievedDate ? (
            <Button
              size="small"
              type="link"
              onClick={() =>
                void setCandidateAchieved(r.candidate.id, undefined).then(
                  () => message.success('已撤销达标确认'),
                  (error: unknown) => message.error(`保存失败：${describeError(error)}`),
                )
              }
            >
              撤销达标
            </Button>
          ) : (
            <Button size="small" type="link" onClick={() => setConfirming(r)}>
              确认达标
            </Button>
          )}
          <Popconfirm
            title={`将“${r.enterprise?.name ?? '该企业'}”移出 ${year} 年${target}培育库？`}
            description="移出后可在回收站恢复（连同培育措施和达标日期）。"
            okText="移出"
            cancelText="取消"
            onConfirm={() =>
              removeCultivationCandidate(r.candidate.id).then(
                () => void message.success('已移出培育库'),
                (error: unknown) => void message.error(`移出失败：${describeError(error)}`),
              )
            }
          >
            <Button size="small" type="link" danger>
              移出
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          培育库
        </Typography.Title>
        <Flex gap={8} align="center">
          <Select
            aria-label="培育年度"
            value={year}
            style={{ width: 110 }}
            options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y} 年` }))}
            onChange={(y: number) => go({ year: y })}
          />
          <Button type="primary" onClick={() => setAdding(true)}>
            加入培育库
          </Button>
        </Flex>
      </Flex>
      {!data ? (
        <Flex justify="center" style={{ padding: 64 }}>
          <Spin description="正在统计…" />
        </Flex>
      ) : (
        <>
          <Segmented
            aria-label="培育目标"
            value={target}
            options={[...new Set([...data.targetChoices, target])].map((t) => {
              const p = data.targets.find((x) => x.target === t);
              // Reached against the goal where the towns set one, against the candidates otherwise — said in words.
              return { value: t, label: p ? `${t}（达标 ${p.total.reached}/${p.total.goal !== undefined ? `目标 ${p.total.goal}` : `培育 ${p.total.candidates}`}）` : t };
            })}
            onChange={(t) => go({ target: String(t) })}
          />
          <Typography.Text type="secondary">
            {threshold !== undefined
              ? `按经营数据计：本年累计产值达到 ${numberFormat.format(threshold)} 万元即计为达标${target === '规上' ? '（已标记为规上企业的也计入）' : ''}；也可手工确认达标。`
              : '该目标无法从经营数据判断，达标后请点“确认达标”并填写日期。'}
          </Typography.Text>
          <Card size="small" title={`${year} 年${target}：各区镇目标与进度`}>
            <Table
              size="small"
              rowKey="town"
              columns={townColumns}
              dataSource={goalTowns}
              pagination={false}
              summary={() =>
                progress ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                    <Table.Summary.Cell index={1}>{progress.total.goal ?? '—'}</Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {progress.total.candidates}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {progress.total.reached}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4}>{percent(progress.total.completion)}</Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
          </Card>
          <Card size="small" title={`培育企业（${rows.length} 家）`}>
            {rows.length === 0 ? (
              <Empty description={`${year} 年还没有${target}培育企业，点“加入培育库”添加`} />
            ) : (
              <Table size="small" rowKey={(r) => r.candidate.id} columns={candidateColumns} dataSource={rows} pagination={rows.length > 50 ? { pageSize: 50 } : false} />
            )}
          </Card>
        </>
      )}
      {adding && data ? (
        <AddCandidateModal
          year={year}
          target={target}
          choices={data.targetChoices}
          onClose={(added) => {
            setAdding(false);
            if (added) go({ target: added });
          }}
        />
      ) : null}
      {confirming ? <ConfirmAchievedModal row={confirming} onClose={() => setConfirming(undefined)} /> : null}
    </Flex>
  );
}

interface AddValues {
  enterpriseId?: string;
  target: string;
  year: number;
  note?: string;
}

/** 加入培育库: one enterprise at a time, by typing; 保存并继续 keeps the dialog open for the next. */
function AddCandidateModal({ year, target, choices, onClose }: { year: number; target: string; choices: string[]; onClose: (addedTo?: string) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const { save, saving, errorAlert } = useRuleFormSave(form);
  const [lastTarget, setLastTarget] = useState<string | undefined>();
  const confirmDiscard = useConfirmDiscard();
  // Only a chosen enterprise or typed measures are worth a question; target and year are defaults.
  const close = () => {
    const { enterpriseId, note } = form.getFieldsValue(['enterpriseId', 'note']) as Partial<AddValues>;
    confirmDiscard(Boolean(enterpriseId) || Boolean(note?.trim()), () => onClose(lastTarget));
  };

  // After 保存并继续 the cursor goes back to 企业 (on opening, components/dialogFocus puts it there).
  const focusEnterprise = () => setTimeout(() => document.getElementById('addCandidate_enterpriseId')?.focus(), 0);

  const add = (keepOpen: boolean) =>
    save(async (values) => {
      const result = await addCultivationCandidates({ year: values.year, target: values.target, enterpriseIds: values.enterpriseId ? [values.enterpriseId] : [], note: values.note });
      if (result.already.length > 0) message.info(`${result.already.join('、')}已在 ${values.year} 年${values.target.trim()}培育库中`);
      else message.success(`已加入 ${values.year} 年${values.target.trim()}培育库`);
      setLastTarget(values.target.trim());
      if (keepOpen) {
        form.setFieldsValue({ enterpriseId: undefined, note: '' });
        focusEnterprise(); // the next name is typed straight away
      } else onClose(values.target.trim());
    });

  return (
    <Modal
      open
      title="加入培育库"
      onCancel={close}
      footer={[
        <Button key="cancel" onClick={close}>
          关闭
        </Button>,
        <Button key="more" loading={saving} onClick={() => void add(true)}>
          保存并继续
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void add(false)}>
          保存
        </Button>,
      ]}
    >
      {errorAlert}
      <Form form={form} name="addCandidate" layout="vertical" initialValues={{ target, year, note: '' }} onFinish={() => void add(false)}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          <EnterpriseSelect />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="target" label="培育目标" rules={[{ required: true, whitespace: true, message: '请选择或输入培育目标' }]} style={{ flex: 1 }} extra="可直接输入新的名单名称，如“批零入统”">
            <AutoComplete options={choices.map((c) => ({ value: c }))} filterOption={(input, option) => String(option?.value ?? '').includes(input)} />
          </Form.Item>
          <Form.Item name="year" label="培育年度" rules={[{ required: true, message: '请选择年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 110 }} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label="培育措施">
          <Input.TextArea rows={2} maxLength={300} showCount placeholder="如：协助申报入统、对接上市辅导机构" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 确认达标: the day the target was reached (within the candidate's year, not after today). */
function ConfirmAchievedModal({ row, onClose }: { row: CandidateRow; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ achievedDate: string }>();
  const { save, saving, errorAlert } = useRuleFormSave(form);
  const today = shanghaiDate();
  const initial = today.startsWith(String(row.candidate.year)) ? today : `${row.candidate.year}-12-31`;
  return (
    <Modal
      open
      title={`确认达标：${row.enterprise?.name ?? ''}（${row.candidate.year} 年${row.candidate.target}）`}
      okText="确认达标"
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() =>
        void save(async ({ achievedDate }) => {
          await setCandidateAchieved(row.candidate.id, achievedDate);
          message.success('已确认达标');
          onClose();
        })
      }
    >
      {errorAlert}
      <Form form={form} layout="vertical" initialValues={{ achievedDate: initial }}>
        <Form.Item name="achievedDate" label="达标日期" rules={[{ required: true, message: '请选择达标日期' }]}>
          <DateInput allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
