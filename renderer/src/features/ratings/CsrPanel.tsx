// 社会责任先进企业 (seed 002: 纳税、安排就业、环境保护、创立和谐企业、参与或资助社会公益事业): a year's
// candidates with the five criteria, scored with the weights the bureau sets for the year (saved as one
// record of the year, so they travel with the candidates), ranked best first; 导出名单 writes the ranked
// list as a printable workbook.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { csrCriteria, csrCriterionLabels, type CsrCandidate, type CsrWeights } from '../../../../shared/domain/ratingRecords';
import { describeError } from '../../../../shared/errors/describeError';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { api } from '../../bridge/api';
import { restorableFromRecycleBin } from '../../components/recordDeletion';
import { useLiveData } from '../../components/useLiveData';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { useSettings } from '../../db/settingsStore';
import { ExportProgressBar, useWorkbookExport } from '../../export/useWorkbookExport';
import { CsrCandidateModal } from './CsrCandidateModal';
import { exportCsrList } from './ratingsExport';
import { deleteCsrCandidate, loadCsrYear, saveCsrWeights, type CsrYearView } from './ratingsRepo';

type Row = CsrYearView['scores'][number];

function WeightsForm({ view }: { view: CsrYearView }) {
  const settings = useSettings();
  const { message } = App.useApp();
  const [form] = Form.useForm<CsrWeights>();
  const { saving, save, errorAlert } = useRuleFormSave(form);
  return (
    <Card size="small" title={`${view.year} 年评分权重${view.defaultWeights ? '（默认，尚未设定）' : ''}`}>
      {errorAlert}
      <Form<CsrWeights> name="csrWeights" key={`${view.year}-${JSON.stringify(view.weights)}`} form={form} layout="inline" aria-label="评分权重" initialValues={view.weights}>
        {csrCriteria.map((c) => (
          <Form.Item key={c} name={c} label={csrCriterionLabels[c].replace(/（.*）/, '')}>
            <InputNumber min={0} max={100} style={{ width: 80 }} />
          </Form.Item>
        ))}
        <Button
          loading={saving}
          onClick={() =>
            void save(async (values) => {
              if (!settings) return;
              await saveCsrWeights(view.year, values, settings);
              message.success(`已保存 ${view.year} 年评分权重`);
            })
          }
        >
          保存权重
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        得分 = 各项得分按权重加权平均。纳税、就业、公益捐助按本年候选企业中最高者折算为 100 分；环境保护、劳动关系按等级（优秀 100、良好 80、一般 60、较差 0），其中任一项“较差”的企业不参与排名。
      </Typography.Paragraph>
    </Card>
  );
}

export function CsrPanel() {
  const thisYear = Number(shanghaiDate().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const view = useLiveData(() => loadCsrYear(year), ['csr', year]).value;
  const settings = useSettings();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<CsrCandidate | 'new'>();
  const workbookExport = useWorkbookExport();

  const points = (n: number) => Math.round(n * 10) / 10;
  const columns = [
    { title: '排名', key: 'rank', width: 64, render: (_: unknown, r: Row) => r.rank ?? '—' },
    { title: '企业名称', key: 'name', render: (_: unknown, r: Row) => r.enterpriseName },
    { title: '所属区镇', key: 'town', render: (_: unknown, r: Row) => r.town || '—' },
    { title: '纳税（万元）', key: 'tax', align: 'right' as const, render: (_: unknown, r: Row) => r.candidate.taxPaid },
    { title: '安排就业（人）', key: 'jobs', align: 'right' as const, render: (_: unknown, r: Row) => r.candidate.jobs },
    { title: '公益捐助（万元）', key: 'welfare', align: 'right' as const, render: (_: unknown, r: Row) => r.candidate.welfare },
    { title: '环境保护', key: 'env', render: (_: unknown, r: Row) => r.candidate.environment },
    { title: '劳动关系', key: 'labour', render: (_: unknown, r: Row) => r.candidate.labour },
    {
      title: '得分',
      key: 'total',
      align: 'right' as const,
      render: (_: unknown, r: Row) => (
        <span title={csrCriteria.map((c) => `${csrCriterionLabels[c]} ${points(r.points[c])} 分`).join('；')}>
          <strong>{r.total.toFixed(2)}</strong>
        </span>
      ),
    },
    { title: '说明', key: 'note', render: (_: unknown, r: Row) => (r.excluded ? <Tag color="orange">{r.excluded}</Tag> : r.candidate.note || '') },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, r: Row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(r.candidate)}>
            编辑
          </Button>
          <Button
            type="link"
            size="small"
            danger
            onClick={() =>
              modal.confirm({
                title: `从 ${year} 年候选名单中删除“${r.enterpriseName}”？`,
                content: `删除后不再列入名单、不参与排名；${restorableFromRecycleBin}。`,
                okText: '删除',
                okButtonProps: { danger: true },
                cancelText: '取消',
                onOk: async () => {
                  try {
                    await deleteCsrCandidate(r.candidate.id, settings);
                    message.success('已从候选名单删除');
                  } catch (error) {
                    message.error(`删除失败：${describeError(error)}`);
                  }
                },
              })
            }
          >
            删除
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          <Typography.Text>评选年度</Typography.Text>
          <InputNumber aria-label="评选年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} style={{ width: 100 }} />
        </Space>
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            添加候选企业
          </Button>
          <Button
            disabled={!view || view.scores.length === 0 || workbookExport.exporting}
            onClick={() =>
              view &&
              void workbookExport.run(
                (options) => exportCsrList(api, year, view.weights, view.scores, { today: shanghaiDate(), unit: settings?.officerUnit ?? '' }, options),
                (fileName) => `已导出候选名单：${fileName}`,
              )
            }
          >
            导出名单
          </Button>
        </Space>
      </Flex>
      <ExportProgressBar control={workbookExport} />
      {view ? <WeightsForm view={view} /> : null}
      <Table<Row>
        aria-label="社会责任先进企业候选名单"
        size="small"
        loading={!view}
        rowKey={(r) => r.candidate.id}
        dataSource={view?.scores ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year} 年还没有候选企业。点“添加候选企业”录入`} /> }}
      />
      {editing ? <CsrCandidateModal year={year} candidate={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} /> : null}
    </Flex>
  );
}
