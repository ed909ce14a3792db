// 名单导入: the bureau's roster (.xlsx from Excel/WPS/LibreOffice, or .csv in UTF-8/GBK) becomes
// enterprises. The user checks the column mapping, sees exactly what will be added, changed and
// rejected (row, column, reason), and then imports the good rows in one transaction — or nothing.
import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Result,
  Select,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { findHeaderRow, mapHeaderRow, rosterFields, type ColumnMapping, type RosterField } from '../../../../shared/roster/rosterColumns';
import { RosterFileError, type RosterCell, type RosterSheet } from '../../../../shared/roster/readRosterFile';
import { fileTooLarge, maxRosterFileBytes, rosterLimitsText } from '../../../../shared/roster/rosterLimits';
import { columnLetter } from '../../../../shared/roster/rosterRows';
import { loadSettings } from '../../db/settingsStore';
import { describeError } from '../../../../shared/errors/describeError';
import { readRosterInBackground } from './readRosterInBackground';
import { buildRosterPreview, importRosterPreview, type RosterPreview } from './rosterImport';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; startedAt: number }
  | { kind: 'loaded'; fileName: string; sheet: RosterSheet }
  | { kind: 'done'; fileName: string; added: number; updated: number };

const cellText = (cell: RosterCell | undefined): string =>
  cell === null || cell === undefined ? '' : typeof cell === 'object' ? `=${cell.formula}` : String(cell);

const fieldOptions = [
  { value: '', label: '（不导入）' },
  ...rosterFields.map((info) => ({ value: info.field, label: info.label })),
];

export function RosterImportPage() {
  const { message } = AntApp.useApp();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string>();
  const [headerIndex, setHeaderIndex] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [officer, setOfficer] = useState('');
  const [leader, setLeader] = useState('');
  const [built, setBuilt] = useState<{ inputs: object; preview: RosterPreview }>();
  const [importing, setImporting] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const readToken = useRef(0);

  // A visible clock while a big file is read in the worker: the page stays responsive and says so.
  useEffect(() => {
    if (stage.kind !== 'reading') return;
    const timer = setInterval(() => setElapsed(Math.round((performance.now() - stage.startedAt) / 1000)), 500);
    return () => clearInterval(timer);
  }, [stage]);

  async function openFile(file: File) {
    const token = ++readToken.current;
    setError(undefined);
    setBuilt(undefined);
    setElapsed(0);
    if (file.size > maxRosterFileBytes) {
      // Refused at once: not a byte of it is read.
      setStage({ kind: 'idle' });
      setError(fileTooLarge(file.name, file.size).message);
      return;
    }
    setStage({ kind: 'reading', fileName: file.name, startedAt: performance.now() });
    try {
      // The worker reads the file itself; the page never holds its bytes or parses them.
      const sheet = await readRosterInBackground(file);
      if (token !== readToken.current) return;
      const texts = sheet.rows.slice(0, 10).map((row) => row.map((cell) => cellText(cell)));
      const found = findHeaderRow(texts);
      const index = found ?? 0;
      setHeaderIndex(index);
      setMapping(mapHeaderRow(texts[index] ?? []));
      if (found === null) setError('没有找到表头行（应含“企业名称”“统一社会信用代码”等列名）。请在下方指定表头所在行和各列对应的字段');
      if (sheet.rows.length <= index + 1) {
        setStage({ kind: 'idle' });
        setError(`文件「${file.name}」只有表头，没有数据行`);
        return;
      }
      setStage({ kind: 'loaded', fileName: file.name, sheet });
    } catch (e) {
      if (token !== readToken.current) return;
      setStage({ kind: 'idle' });
      setError(e instanceof RosterFileError ? e.message : `无法读取文件「${file.name}」：${describeError(e)}`);
    }
  }

  const sheet = stage.kind === 'loaded' ? stage.sheet : undefined;
  const headerCells = useMemo(() => (sheet ? (sheet.rows[headerIndex] ?? []).map((c) => cellText(c)) : []), [sheet, headerIndex]);
  const width = useMemo(
    () => (sheet ? Math.max(headerCells.length, ...sheet.rows.slice(headerIndex, headerIndex + 50).map((r) => r.length)) : 0),
    [sheet, headerIndex, headerCells],
  );
  const missing = (['name', 'creditCode'] as RosterField[]).filter((field) => !mapping.includes(field));

  // The preview follows every change of mapping, header row or batch assignment; a preview built
  // for other inputs than the current ones is stale and neither shown as current nor importable.
  const previewInputs = useMemo(
    () => (sheet && missing.length === 0 ? { sheet, headerIndex, mapping, officer, leader } : undefined),
    // `missing` derives from mapping.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sheet, headerIndex, mapping, officer, leader],
  );
  useEffect(() => {
    if (!previewInputs) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const settings = await loadSettings();
          const { sheet: s, headerIndex: h, mapping: m, officer: o, leader: l } = previewInputs;
          const next = await buildRosterPreview(s, h, m, settings, { assignedOfficer: o, linkedLeader: l });
          if (!cancelled) setBuilt({ inputs: previewInputs, preview: next });
        } catch (e) {
          if (!cancelled) setError(`生成预览失败：${describeError(e)}`);
        }
      })();
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [previewInputs]);
  const preview = previewInputs && built ? built.preview : undefined;
  const previewing = previewInputs !== undefined && built?.inputs !== previewInputs;

  async function runImport() {
    if (!preview || stage.kind !== 'loaded') return;
    setImporting(true);
    try {
      const settings = await loadSettings();
      const result = await importRosterPreview(preview, settings);
      setStage({ kind: 'done', fileName: stage.fileName, ...result });
      setBuilt(undefined);
      message.success(`导入完成：新增 ${result.added} 家，更新 ${result.updated} 家`);
    } catch (e) {
      setError(`导入失败，数据库没有任何改动：${describeError(e)}`);
    } finally {
      setImporting(false);
    }
  }

  function setField(column: number, field: RosterField | '') {
    setMapping((current) => {
      const next = [...current];
      while (next.length < width) next.push(null);
      // One column per field: choosing a field here releases it elsewhere.
      for (let i = 0; i < next.length; i++) if (field && next[i] === field) next[i] = null;
      next[column] = field || null;
      return next;
    });
  }

  const importable = preview ? preview.adds.length + preview.updates.length : 0;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        名单导入
      </Typography.Title>
      <Upload.Dragger
        accept=".xlsx,.csv,.xls"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void openFile(file);
          return Upload.LIST_IGNORE;
        }}
        disabled={stage.kind === 'reading' || importing}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或拖入企业名单文件（.xlsx 或 .csv）</p>
        <Typography.Text type="secondary">
          支持 Excel、WPS、LibreOffice 导出的 .xlsx，以及 UTF-8 或 GBK 编码的 .csv。表头可在标题行下方；
          区镇可写全称、简称或旧称（按“设置 → 区镇别名”对应）；表格下方的合计、填表人、备注等行自动跳过。
        </Typography.Text>
        <br />
        <Typography.Text type="secondary" aria-label="文件限制">
          {rosterLimitsText}；超出的文件不会读取，也不会改动任何数据。
        </Typography.Text>
      </Upload.Dragger>

      {error ? <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(undefined) }} /> : null}

      {stage.kind === 'reading' ? (
        <Card>
          <Spin /> <span style={{ marginLeft: 8 }}>正在读取「{stage.fileName}」… 已用 {elapsed} 秒（大文件需要数秒，页面可继续操作）</span>
        </Card>
      ) : null}

      {stage.kind === 'done' ? (
        <Result
          status="success"
          title={`导入完成：新增 ${stage.added} 家，更新 ${stage.updated} 家`}
          subTitle={`文件「${stage.fileName}」中通过校验的企业已全部写入。`}
          extra={[
            <Link key="review" to="/review">
              <Button type="primary">查看我的联系企业</Button>
            </Link>,
            <Button key="again" onClick={() => setStage({ kind: 'idle' })}>
              继续导入
            </Button>,
          ]}
        />
      ) : null}

      {sheet ? (
        <Card
          title={`列对应（${stage.kind === 'loaded' ? stage.fileName : ''}，工作表「${sheet.sheetName}」）`}
          extra={
            <Flex align="center" gap={8}>
              <span>表头在第</span>
              <InputNumber
                aria-label="表头所在行"
                min={1}
                max={Math.min(sheet.rows.length, 20)}
                value={(sheet.rowNumbers[headerIndex] ?? headerIndex + 1) as number}
                onChange={(value) => {
                  const index = sheet.rowNumbers.indexOf(Number(value));
                  if (index >= 0) {
                    setHeaderIndex(index);
                    setMapping(mapHeaderRow((sheet.rows[index] ?? []).map((c) => cellText(c))));
                  }
                }}
                style={{ width: 72 }}
              />
              <span>行</span>
            </Flex>
          }
        >
          <Table
            size="small"
            pagination={false}
            rowKey="column"
            scroll={{ y: 280 }}
            dataSource={Array.from({ length: width }, (_, column) => ({
              column,
              header: headerCells[column] ?? '',
              sample: cellText(sheet.rows[headerIndex + 1]?.[column]),
            }))}
            columns={[
              { title: '列', dataIndex: 'column', width: 60, render: (c: number) => columnLetter(c) },
              { title: '文件中的列名', dataIndex: 'header' },
              { title: '第一行数据', dataIndex: 'sample', ellipsis: true },
              {
                title: '导入为',
                width: 200,
                render: (_: unknown, row: { column: number; header: string }) => (
                  <Select
                    aria-label={`「${row.header || columnLetter(row.column)}」列导入为`}
                    style={{ width: 180 }}
                    value={mapping[row.column] ?? ''}
                    options={fieldOptions}
                    onChange={(value: RosterField | '') => setField(row.column, value)}
                  />
                ),
              },
            ]}
          />
          <Flex gap={16} wrap style={{ marginTop: 12 }} align="center">
            <span>批量指定（覆盖文件中的值，可不填）：</span>
            <Input aria-label="批量指定服务专员" placeholder="服务专员" value={officer} onChange={(e) => setOfficer(e.target.value)} style={{ width: 160 }} />
            <Input aria-label="批量指定挂钩领导" placeholder="挂钩领导" value={leader} onChange={(e) => setLeader(e.target.value)} style={{ width: 160 }} />
          </Flex>
          {missing.length > 0 ? (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={`请为${missing.map((f) => `「${rosterFields.find((i) => i.field === f)?.label}」`).join('、')}指定对应的列`}
            />
          ) : null}
        </Card>
      ) : null}

      {sheet && previewing && !preview ? (
        <Card>
          <Spin /> <span style={{ marginLeft: 8 }}>正在校验 {sheet.rows.length - headerIndex - 1} 行…</span>
        </Card>
      ) : null}

      {preview ? <PreviewCard preview={preview} busy={previewing} /> : null}

      {preview ? (
        <Flex gap={12} align="center">
          <Button type="primary" size="large" disabled={importable === 0 || previewing} loading={importing} onClick={() => void runImport()}>
            导入 {importable} 家企业
          </Button>
          <Typography.Text type="secondary">
            {preview.rejects.length > 0 ? `有问题的 ${preview.rejects.length} 行不会导入；` : ''}
            全部写入或全部不写入，失败时数据库保持原样。
          </Typography.Text>
        </Flex>
      ) : null}
    </Flex>
  );
}

function PreviewCard({ preview, busy }: { preview: RosterPreview; busy: boolean }) {
  const issueRows = useMemo(
    () =>
      preview.rejects.flatMap((reject) =>
        reject.issues.map((issue, i) => ({ key: `${reject.row}-${i}`, row: reject.row, name: reject.name, column: issue.column, message: issue.message })),
      ),
    [preview],
  );
  return (
    <Card title="导入预览（尚未写入）" extra={busy ? <Spin size="small" /> : null}>
      <Flex gap={40} wrap style={{ marginBottom: 12 }} aria-label="预览统计">
        <Statistic title="数据行" value={preview.dataRows} />
        <Statistic title="新增" value={preview.adds.length} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title="更新" value={preview.updates.length} styles={{ content: { color: '#1f5fa8' } }} />
        <Statistic title="无变化" value={preview.unchanged.length} />
        <Statistic title="有问题" value={preview.rejects.length} styles={{ content: { color: preview.rejects.length ? '#cf1322' : undefined } }} />
        <Statistic title="已跳过（非企业行）" value={preview.skipped.length} />
      </Flex>
      <Tabs
        defaultActiveKey={preview.rejects.length > 0 ? 'rejects' : 'adds'}
        items={[
          {
            key: 'rejects',
            label: `有问题（${preview.rejects.length} 行）`,
            children: (
              <Table
                size="small"
                aria-label="有问题的行"
                dataSource={issueRows}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '企业名称', dataIndex: 'name', width: 240, ellipsis: true },
                  { title: '列', dataIndex: 'column', width: 220 },
                  { title: '原因', dataIndex: 'message' },
                ]}
              />
            ),
          },
          {
            key: 'adds',
            label: `新增（${preview.adds.length}）`,
            children: (
              <Table
                size="small"
                rowKey="row"
                dataSource={preview.adds}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '企业名称', render: (_: unknown, r: RosterPreview['adds'][number]) => r.values.name },
                  { title: '统一社会信用代码', render: (_: unknown, r: RosterPreview['adds'][number]) => <span className="mono">{r.values.creditCode}</span> },
                  { title: '所属区镇', render: (_: unknown, r: RosterPreview['adds'][number]) => <TownCell town={r.values.town} written={r.townWritten} /> },
                  { title: '服务专员', render: (_: unknown, r: RosterPreview['adds'][number]) => r.values.assignedOfficer ?? '' },
                ]}
              />
            ),
          },
          {
            key: 'updates',
            label: `更新（${preview.updates.length}）`,
            children: (
              <Table
                size="small"
                rowKey="row"
                dataSource={preview.updates}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '企业名称', render: (_: unknown, r: RosterPreview['updates'][number]) => r.existing.name, width: 240 },
                  {
                    title: '变化（原值 → 新值）',
                    render: (_: unknown, r: RosterPreview['updates'][number]) => (
                      <Flex vertical gap={2}>
                        {r.changes.map((c) => (
                          <span key={c.field}>
                            <Tag>{c.label}</Tag>
                            <Typography.Text delete type="secondary">
                              {c.from || '（空）'}
                            </Typography.Text>
                            {' → '}
                            {c.field === 'town' ? <TownCell town={c.to} written={r.townWritten} /> : c.to}
                          </span>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'skipped',
            label: `已跳过（${preview.skipped.length} 行）`,
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  表格下方的合计、填表人、审核人、备注、日期等行不是企业，不导入，也不算作有问题的行。
                </Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="row"
                  aria-label="已跳过的行"
                  dataSource={preview.skipped}
                  pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 80 },
                    { title: '内容', dataIndex: 'text' },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The town a row goes to and, when the file named it otherwise, the alias that matched. */
function TownCell({ town, written }: { town?: string; written?: string }) {
  if (!town) return null;
  return (
    <span>
      {town}
      {written ? (
        <Tag color="blue" style={{ marginLeft: 6 }}>
          按别名「{written}」
        </Tag>
      ) : null}
    </span>
  );
}
