// One 评议 round: its setup at the top; 空白评议表 (the paper form to print, one row per target),
// 录入评议表 (the keyboard entry card), 导入评议表 (a workbook of the round's forms), 导出结果 (the
// printable workbook) and 评议设置; then the results — per department
// and per town the forms, each question's and the overall 满意率 or mean, the rank or 样本不足, as charts
// and tables — the forms entered (each can be deleted; typing the same form again brings it back) and
// the comments. A round can be deleted only while it has no form.
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Result, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ratingScaleLabels, ratingTargetKindLabels, type Rating, type RatingRound } from '../../../../shared/domain/ratingRecords';
import { describeError } from '../../../../shared/errors/describeError';
import { formatResult, type RoundResults, type TargetComment, type TargetResult } from '../../../../shared/ratings/ratingResults';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { api } from '../../bridge/api';
import { restorableFromRecycleBin } from '../../components/recordDeletion';
import { useLiveData } from '../../components/useLiveData';
import { ExportProgressBar, useWorkbookExport } from '../../export/useWorkbookExport';
import { useSettings } from '../../db/settingsStore';
import { WorkbenchChart } from '../review/WorkbenchChart';
import { overallChart, questionChart } from './ratingCharts';
import { RatingEntryCard } from './RatingEntryCard';
import { exportRatingPaperForm, exportRatingResults } from './ratingsExport';
import { deleteRating, deleteRound, loadRoundDetail } from './ratingsRepo';
import { RatingImportModal } from './RatingImportModal';
import { RoundFormModal } from './RoundFormModal';

function resultColumns(round: RatingRound, results: RoundResults, what: string): ColumnsType<TargetResult> {
  return [
    { title: '排名', key: 'rank', width: 64, render: (_, r) => r.rank ?? '—' },
    { title: what, key: 'target', render: (_, r) => r.target },
    { title: '份数', key: 'responses', align: 'right', render: (_, r) => r.responses },
    ...round.questions.map((q, i) => ({
      title: q,
      key: `q${i}`,
      align: 'right' as const,
      render: (_: unknown, r: TargetResult) => formatResult(results.scale, r.questions[i]?.value ?? null),
    })),
    { title: '总体', key: 'overall', align: 'right', render: (_, r) => <strong>{formatResult(results.scale, r.overall)}</strong> },
    {
      title: '说明',
      key: 'note',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.responses === 0 ? <Tag>未收到</Tag> : r.lowCount ? <Tag color="orange">样本不足，不排名</Tag> : null}
          {r.notInRound ? <Tag>已不在评议对象中</Tag> : null}
        </Space>
      ),
    },
  ];
}

function ResultBlock({ round, results, kind }: { round: RatingRound; results: RoundResults; kind: 'department' | 'town' }) {
  const list = kind === 'department' ? results.departments : results.towns;
  const what = ratingTargetKindLabels[kind];
  const title = kind === 'department' ? '部门评议（评议机关）' : '区镇投资环境测评';
  // Built once per reading of the results: a new option object would restart the chart's drawing.
  const overall = useMemo(() => overallChart(results.scale, list), [results.scale, list]);
  const byQuestion = useMemo(() => questionChart(results.scale, round.questions, list), [results.scale, round.questions, list]);
  if (list.length === 0) return null;
  return (
    <Card size="small" title={title}>
      <Flex vertical gap={12}>
        <Flex gap={12} wrap>
          <div style={{ flex: 1, minWidth: 320 }}>
            <Typography.Text strong>{results.scale === 'satisfaction' ? '总体满意率' : '总体平均分'}</Typography.Text>
            <WorkbenchChart label={`${title}：总体`} option={overall.option} empty={overall.empty} height={overall.height} />
          </div>
          <div style={{ flex: 1, minWidth: 320 }}>
            <Typography.Text strong>分项结果（参与排名的{what}）</Typography.Text>
            <WorkbenchChart label={`${title}：分项`} option={byQuestion.option} empty={byQuestion.empty} height={byQuestion.height} />
          </div>
        </Flex>
        <Table<TargetResult>
          aria-label={`${title}结果`}
          size="small"
          rowKey={(r) => `${r.kind}|${r.target}`}
          columns={resultColumns(round, results, what)}
          dataSource={list}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Flex>
    </Card>
  );
}

export function RoundPage() {
  const { roundId = '' } = useParams();
  const detail = useLiveData(() => loadRoundDetail(roundId), [roundId]);
  const settings = useSettings();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [entering, setEntering] = useState(true);
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const workbookExport = useWorkbookExport();

  if (detail.value === undefined && detail.stale) return <Card loading />;
  const d = detail.value;
  if (!d) {
    return (
      <Result
        status="404"
        title="该评议不存在或已删除"
        extra={
          <Link to="/ratings">
            <Button>返回评议列表</Button>
          </Link>
        }
      />
    );
  }
  const { round, results, forms } = d;
  const comments: (TargetComment & { target: string })[] = [...results.departments, ...results.towns].flatMap((r) => r.comments.map((c) => ({ ...c, target: r.target })));

  function confirmDeleteRound() {
    modal.confirm({
      title: `删除评议“${round.name}”？`,
      content: `该评议还没有评议表；删除后不再列出，${restorableFromRecycleBin}。`,
      okText: '删除评议',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await deleteRound(round.id, settings);
          message.success('评议已删除');
          navigate('/ratings');
        } catch (error) {
          message.error(`删除失败：${describeError(error)}`);
        }
      },
    });
  }

  function confirmDeleteForm(form: Rating & { enterpriseName: string }) {
    modal.confirm({
      title: `删除 ${form.enterpriseName} 对「${form.target}」的评议表？`,
      content: `删除后不再计入结果；${restorableFromRecycleBin}。`,
      okText: '删除评议表',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await deleteRating(form.id, settings);
          message.success('评议表已删除');
        } catch (error) {
          message.error(`删除失败：${describeError(error)}`);
        }
      },
    });
  }

  async function exportResults() {
    const today = shanghaiDate();
    await workbookExport.run(
      (options) => exportRatingResults(api, round, results, { today, unit: settings?.officerUnit ?? '' }, options),
      (fileName) => `已导出评议结果：${fileName}`,
    );
  }

  const answerText = (form: Rating) =>
    round.questions
      .filter((q) => form.answers[q] !== undefined)
      .map((q) => `${q} ${form.answers[q]}${round.scale === 'score' ? ' 分' : ''}`)
      .join('，');

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {round.name}
        </Typography.Title>
        <Space wrap>
          <Button type={entering ? 'default' : 'primary'} onClick={() => setEntering((v) => !v)}>
            {entering ? '收起录入' : '录入评议表'}
          </Button>
          <Button
            disabled={workbookExport.exporting}
            onClick={() =>
              void workbookExport.run(
                (options) => exportRatingPaperForm(api, round, settings?.officerUnit ?? '', options),
                (fileName) => `已导出空白评议表：${fileName}（打印后请企业填写）`,
              )
            }
          >
            空白评议表
          </Button>
          <Button onClick={() => setImporting(true)}>导入评议表</Button>
          <Button onClick={() => void exportResults()} disabled={workbookExport.exporting}>
            导出结果
          </Button>
          <Button onClick={() => setEditing(true)}>评议设置</Button>
          {forms.length === 0 ? (
            <Button danger onClick={confirmDeleteRound}>
              删除评议
            </Button>
          ) : null}
        </Space>
      </Flex>
      <ExportProgressBar control={workbookExport} />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label="评议期间">
          {round.startDate} 至 {round.endDate}
        </Descriptions.Item>
        <Descriptions.Item label="评分方式">{ratingScaleLabels[round.scale]}</Descriptions.Item>
        <Descriptions.Item label="已收评议表">
          {results.responses} 份（{results.enterprises} 家企业）；少于 {round.minResponses} 份不排名
        </Descriptions.Item>
        <Descriptions.Item label="评议部门" span={3}>
          {round.departments.join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="测评区镇" span={3}>
          {round.towns.join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="评议项目" span={3}>
          {round.questions.join('、')}
        </Descriptions.Item>
      </Descriptions>
      {entering ? <RatingEntryCard round={round} onClose={() => setEntering(false)} /> : null}
      <Tabs
        items={[
          {
            key: 'results',
            label: '评议结果',
            children:
              results.responses === 0 ? (
                <Alert type="info" showIcon title="还没有评议表" description="在上方“录入评议表”逐份录入，或用“导入评议表”导入一个工作簿。" />
              ) : (
                <Flex vertical gap={12}>
                  <ResultBlock round={round} results={results} kind="department" />
                  <ResultBlock round={round} results={results} kind="town" />
                </Flex>
              ),
          },
          {
            key: 'forms',
            label: `评议表（${forms.length}）`,
            children: (
              <Table<Rating & { enterpriseName: string }>
                aria-label="评议表"
                size="small"
                rowKey="id"
                dataSource={forms}
                pagination={forms.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有评议表" /> }}
                columns={[
                  { title: '企业', key: 'enterprise', render: (_, f) => <Link to={`/enterprises/${f.enterpriseId}`}>{f.enterpriseName}</Link> },
                  { title: '评议对象', key: 'target', render: (_, f) => f.target },
                  { title: '评议结果', key: 'answers', render: (_, f) => answerText(f) },
                  { title: '意见建议', key: 'comment', render: (_, f) => f.comment || '—' },
                  { title: '录入', key: 'by', render: (_, f) => `${f.updatedBy || '—'} ${f.updatedAt.slice(0, 10)}` },
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_, f) => (
                      <Button size="small" danger type="link" onClick={() => confirmDeleteForm(f)}>
                        删除
                      </Button>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'comments',
            label: `意见建议（${comments.length}）`,
            children: (
              <Table<TargetComment & { target: string }>
                aria-label="意见建议"
                size="small"
                rowKey={(c) => `${c.target}|${c.enterpriseId}`}
                dataSource={comments}
                pagination={false}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有意见建议" /> }}
                columns={[
                  { title: '评议对象', key: 'target', render: (_, c) => c.target },
                  { title: '企业', key: 'enterprise', render: (_, c) => c.enterpriseName },
                  { title: '意见建议', key: 'comment', render: (_, c) => c.comment },
                ]}
              />
            ),
          },
        ]}
      />
      {editing ? <RoundFormModal round={round} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
      {importing ? <RatingImportModal round={round} onClose={() => setImporting(false)} /> : null}
    </Flex>
  );
}
