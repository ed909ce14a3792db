// 导入评议表: a workbook (.xlsx or .csv) of the round's forms, one row each, read in the background by
// the roster reader. The preview says how many forms are ready, how many replace a form already entered
// and, row by row and column by column, what is wrong (下载导入模板 writes the blank workbook it reads); 导入 saves all the forms in one transaction and
// is offered only when nothing is wrong, so a bad file saves nothing.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Spin, Table, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import type { RatingRound } from '../../../../shared/domain/ratingRecords';
import { describeError } from '../../../../shared/errors/describeError';
import { previewRatingImport, type RatingImportPreview } from '../../../../shared/ratings/ratingImport';
import { api } from '../../bridge/api';
import { useSettings } from '../../db/settingsStore';
import { ExportProgressBar, useWorkbookExport } from '../../export/useWorkbookExport';
import { exportRatingTemplate } from './ratingsExport';
import { readRosterInBackground } from '../roster/readRosterInBackground';
import { countExistingRatings, importEnterprises, importRatings } from './ratingsRepo';

type Stage =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; preview: RatingImportPreview; replacing: number };

export function RatingImportModal({ round, onClose }: { round: RatingRound; onClose: () => void }) {
  const settings = useSettings();
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [error, setError] = useState<string>();
  const [importing, setImporting] = useState(false);
  const token = useRef(0);
  const workbookExport = useWorkbookExport();

  async function downloadTemplate() {
    await workbookExport.run((options) => exportRatingTemplate(api, round, options), (fileName) => `已导出导入模板：${fileName}`);
  }

  async function openFile(file: File) {
    const mine = ++token.current;
    setError(undefined);
    setStage({ kind: 'reading', fileName: file.name });
    try {
      const sheet = await readRosterInBackground(file);
      const preview = previewRatingImport(sheet, round, await importEnterprises());
      const replacing = preview.issues.length === 0 ? await countExistingRatings(round.id, preview.forms) : 0;
      if (mine === token.current) setStage({ kind: 'preview', fileName: file.name, preview, replacing });
    } catch (e) {
      if (mine !== token.current) return;
      setError(describeError(e));
      setStage({ kind: 'choose' });
    }
  }

  const ready = stage.kind === 'preview' && stage.preview.issues.length === 0 && stage.preview.forms.length > 0;

  async function save() {
    if (stage.kind !== 'preview' || !ready || !settings) return;
    setImporting(true);
    try {
      const { added, replaced } = await importRatings(round.id, stage.preview.forms, settings);
      message.success(`已导入 ${added + replaced} 份评议表${replaced > 0 ? `（其中 ${replaced} 份替换了原表）` : ''}`);
      onClose();
    } catch (e) {
      setError(`导入失败，没有保存任何评议表：${describeError(e)}`);
    } finally {
      setImporting(false);
    }
  }

  return (
    <Modal
      title={`导入评议表：${round.name}`}
      open
      width={760}
      okText={stage.kind === 'preview' && ready ? `导入 ${stage.preview.forms.length} 份评议表` : '导入'}
      okButtonProps={{ disabled: !ready }}
      cancelText="取消"
      confirmLoading={importing}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        每行一份评议表。表头需有“企业名称”或“统一社会信用代码”、“评议对象”（本轮的部门或区镇名称），以及本轮的评议项目各一列（{round.questions.join('、')}）
        ，可加“意见建议”列。答案填写{round.scale === 'satisfaction' ? '“满意”“基本满意”或“不满意”' : ' 1 到 5 的整数分'}，空白表示该项未答。
        <Button type="link" size="small" disabled={workbookExport.exporting} onClick={() => void downloadTemplate()}>
          下载导入模板
        </Button>
      </Typography.Paragraph>
      <ExportProgressBar control={workbookExport} />
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={stage.kind === 'reading' || importing}
        beforeUpload={(file) => {
          void openFile(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或拖入评议表工作簿（.xlsx 或 .csv）</p>
      </Upload.Dragger>
      {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} /> : null}
      {stage.kind === 'reading' ? (
        <div style={{ marginTop: 12 }}>
          <Spin /> 正在读取「{stage.fileName}」…
        </div>
      ) : null}
      {stage.kind === 'preview' ? (
        <div style={{ marginTop: 12 }}>
          {stage.preview.issues.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={`「${stage.fileName}」有 ${stage.preview.issues.length} 处问题，请在工作簿中改正后重新选择文件；没有导入任何评议表`}
              description={
                <ul aria-label="导入问题" style={{ margin: 0, paddingLeft: 20, maxHeight: 200, overflow: 'auto' }}>
                  {stage.preview.issues.slice(0, 200).map((issue, i) => (
                    <li key={i}>{issue.message}</li>
                  ))}
                </ul>
              }
            />
          ) : stage.preview.forms.length === 0 ? (
            <Alert type="warning" showIcon title={`「${stage.fileName}」中没有评议表`} />
          ) : (
            <>
              <Alert
                type="success"
                showIcon
                title={`「${stage.fileName}」共 ${stage.preview.forms.length} 份评议表可以导入${stage.replacing > 0 ? `，其中 ${stage.replacing} 份将替换已录入的同一企业对同一对象的评议表` : ''}`}
                style={{ marginBottom: 8 }}
              />
              <Table
                aria-label="导入预览"
                size="small"
                rowKey="row"
                pagination={stage.preview.forms.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                dataSource={stage.preview.forms}
                columns={[
                  { title: '行', dataIndex: 'row', width: 56 },
                  { title: '企业', dataIndex: 'enterpriseName' },
                  { title: '评议对象', dataIndex: 'target' },
                  { title: '评议结果', key: 'answers', render: (_, f) => Object.entries(f.answers).map(([q, a]) => `${q} ${a}`).join('，') },
                ]}
              />
            </>
          )}
        </div>
      ) : null}
    </Modal>
  );
}
