// 导入数据包: a package from another laptop (or the bureau's reference package) is opened, decrypted
// with the passphrase or this computer's bureau key, and PREVIEWED — what each table would gain,
// change, delete or find in conflict — before anything is written. 确认合并 first backs up this
// laptop, then merges in one transaction. A file the reader refuses shows why and writes nothing.
import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Input, Result, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { describeError } from '../../../../shared/errors/describeError';
import { maxBridgeBytes } from '../../../../shared/ipc';
import {
  packageEncryptionKind,
  PackageRefusedError,
  type DataPackageKind,
  type PackageDecryption,
} from '../../../../shared/sync/dataPackage';
import type { MergeCounts } from '../../../../shared/sync/mergeRecords';
import { api } from '../../bridge/api';
import { useSettings } from '../../db/settingsStore';
import { shanghaiDateTime } from '../../../../shared/calendar/shanghaiDate';
import {
  applyMerge,
  buildBackup,
  previewMerge,
  readLedgerPackage,
  type LedgerPackage,
  type MergePreview,
  type MergeResult,
  type TableMergePreview,
} from './exchangeRepo';
import { packageFileFilter } from './ExportPackagePanel';

type Stage =
  | { kind: 'idle' }
  | { kind: 'locked'; fileName: string; bytes: Uint8Array }
  | { kind: 'reading'; fileName: string; bytes: Uint8Array; locked: boolean }
  | { kind: 'preview'; fileName: string; pkg: LedgerPackage; preview: MergePreview }
  | { kind: 'merging'; fileName: string; pkg: LedgerPackage; preview: MergePreview; step: string }
  | { kind: 'done'; fileName: string; result: MergeResult };

export const packageKindLabels: Readonly<Record<DataPackageKind, string>> = {
  changes: '变化数据包（上次发送后的变化）',
  full: '全部数据包',
  reference: '基础数据包（区商务局下发）',
  backup: '备份文件',
};

const encryptionLabels = { none: '未加密', passphrase: '口令加密', recipient: '区商务局公钥加密' } as const;

const outcomeColumns: { key: keyof MergeCounts; title: string }[] = [
  { key: 'added', title: '新增' },
  { key: 'updated', title: '更新' },
  { key: 'deleted', title: '删除' },
  { key: 'conflict', title: '冲突' },
  { key: 'unchanged', title: '不变' },
];

function sum(tables: readonly TableMergePreview[], key: keyof MergeCounts): number {
  return tables.reduce((total, t) => total + t.counts[key], 0);
}

function rangeText(pkg: LedgerPackage): string {
  const { fromSeq, toSeq } = pkg.manifest.range;
  return fromSeq === 0 ? `发送方全部记录（至第 ${toSeq} 号变更）` : `发送方第 ${fromSeq + 1}–${toSeq} 号变更`;
}

export function ImportPackagePanel() {
  const { message } = App.useApp();
  const settings = useSettings();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [takeReference, setTakeReference] = useState(false);

  async function choose() {
    // Choosing another file drops what the last one showed: a preview must never outlive its file.
    setError(undefined);
    setStage({ kind: 'idle' });
    let file: Awaited<ReturnType<typeof api.openFile>>;
    try {
      file = await api.openFile({ filters: [packageFileFilter], maxBytes: maxBridgeBytes });
    } catch (e) {
      setError(`无法打开文件：${describeError(e)}`);
      return;
    }
    if (!file) return;
    const encryption = packageEncryptionKind(file.data);
    if (encryption === 'passphrase') {
      setPassphrase('');
      setStage({ kind: 'locked', fileName: file.fileName, bytes: file.data });
      return;
    }
    if (encryption === 'recipient') {
      if (!settings?.bureauIdentity) {
        setStage({ kind: 'idle' });
        setError(
          `「${file.fileName}」是加密发给区商务局的数据包，本机没有区商务局的私钥，无法打开。请在区商务局保存私钥的电脑上导入。`,
        );
        return;
      }
      await read(file.fileName, file.data, { identity: settings.bureauIdentity }, false);
      return;
    }
    await read(file.fileName, file.data, {}, false);
  }

  async function read(fileName: string, bytes: Uint8Array, decryption: PackageDecryption, locked: boolean) {
    setError(undefined);
    setStage({ kind: 'reading', fileName, bytes, locked });
    try {
      const pkg = await readLedgerPackage(bytes, decryption);
      const preview = await previewMerge(pkg);
      setTakeReference(pkg.manifest.kind === 'reference');
      setStage({ kind: 'preview', fileName, pkg, preview });
    } catch (e) {
      const refused = e instanceof PackageRefusedError;
      setError(refused ? e.message : `无法读取数据包「${fileName}」：${describeError(e)}`);
      // A wrong passphrase may be typed again; any other refusal ends with this file.
      if (refused && e.reason === 'wrong-passphrase') setStage({ kind: 'locked', fileName, bytes });
      else setStage({ kind: 'idle' });
    }
  }

  async function merge(fileName: string, pkg: LedgerPackage, preview: MergePreview) {
    setError(undefined);
    setStage({ kind: 'merging', fileName, pkg, preview, step: '正在备份本机数据…' });
    try {
      const backup = await buildBackup();
      await api.backupWrite({ reason: 'merge', data: backup.bytes });
    } catch (e) {
      setStage({ kind: 'preview', fileName, pkg, preview });
      setError(`合并前的自动备份没有完成，因此没有合并：${describeError(e)}`);
      return;
    }
    setStage({ kind: 'merging', fileName, pkg, preview, step: '正在合并…' });
    try {
      const result = await applyMerge(pkg, { takeReference: takeReference && pkg.reference !== undefined });
      setStage({ kind: 'done', fileName, result });
      message.success(`已合并「${fileName}」`);
    } catch (e) {
      setStage({ kind: 'preview', fileName, pkg, preview });
      setError(`合并失败，本机数据没有任何改动：${describeError(e)}`);
    }
  }

  const busy = stage.kind === 'reading' || stage.kind === 'merging';

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1000 }}>
      <Flex gap={12} align="center" wrap>
        <Button type="primary" icon={<FolderOpenOutlined />} onClick={() => void choose()} disabled={busy}>
          选择数据包文件…
        </Button>
        <Typography.Text type="secondary">走访台账数据包（.vlpkg）：其他电脑导出的数据包、区商务局下发的基础数据包。</Typography.Text>
      </Flex>

      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}

      {stage.kind === 'locked' || (stage.kind === 'reading' && stage.locked) ? (
        <Card size="small" title={`「${stage.fileName}」已用口令加密`}>
          <Flex gap={8} align="center" wrap>
            <Input.Password
              aria-label="数据包口令"
              placeholder="请输入发送方告知的口令"
              value={passphrase}
              autoFocus
              disabled={stage.kind === 'reading'}
              onChange={(e) => setPassphrase(e.target.value)}
              onPressEnter={() => passphrase && void read(stage.fileName, stage.bytes, { passphrase }, true)}
              style={{ width: 260 }}
            />
            <Button
              type="primary"
              disabled={passphrase === ''}
              loading={stage.kind === 'reading'}
              onClick={() => void read(stage.fileName, stage.bytes, { passphrase }, true)}
            >
              解密
            </Button>
            <Button onClick={() => setStage({ kind: 'idle' })} disabled={stage.kind === 'reading'}>
              取消
            </Button>
          </Flex>
        </Card>
      ) : null}

      {stage.kind === 'reading' && !stage.locked ? (
        <Card>
          <Spin /> <span style={{ marginLeft: 8 }}>正在读取「{stage.fileName}」…</span>
        </Card>
      ) : null}

      {stage.kind === 'preview' || stage.kind === 'merging' ? (
        <MergePreviewCard
          fileName={stage.fileName}
          pkg={stage.pkg}
          preview={stage.preview}
          takeReference={takeReference}
          onTakeReference={setTakeReference}
          merging={stage.kind === 'merging' ? stage.step : undefined}
          onMerge={() => void merge(stage.fileName, stage.pkg, stage.preview)}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      ) : null}

      {stage.kind === 'done' ? <MergeDone fileName={stage.fileName} result={stage.result} onAgain={() => setStage({ kind: 'idle' })} /> : null}
    </Flex>
  );
}

function MergePreviewCard({
  fileName,
  pkg,
  preview,
  takeReference,
  onTakeReference,
  merging,
  onMerge,
  onCancel,
}: {
  fileName: string;
  pkg: LedgerPackage;
  preview: MergePreview;
  takeReference: boolean;
  onTakeReference: (take: boolean) => void;
  merging: string | undefined;
  onMerge: () => void;
  onCancel: () => void;
}) {
  const { manifest } = preview;
  const officer = [manifest.officer.name || '未署名', manifest.officer.unit].filter(Boolean).join('，');
  const changes = sum(preview.tables, 'added') + sum(preview.tables, 'updated') + sum(preview.tables, 'deleted') + sum(preview.tables, 'conflict');
  return (
    <Card size="small" title={`合并预览（尚未写入）：${fileName}`}>
      <Flex vertical gap={12}>
        {preview.fromThisLaptop ? (
          <Alert
            type="warning"
            showIcon
            title="这是本机自己导出的数据包"
            description="其中的记录本机都已有，合并不会带来新内容。请确认是否选错了文件。"
          />
        ) : null}
        {manifest.kind === 'backup' ? (
          <Alert
            type="info"
            showIcon
            title="这是一份备份文件"
            description="要用它替换本机数据，请到“设置 → 备份与恢复”中恢复；在这里合并只会把其中较新的记录并入本机。"
          />
        ) : null}
        <Descriptions
          size="small"
          bordered
          column={2}
          aria-label="数据包信息"
          items={[
            { label: '发送人', children: officer },
            { label: '设备标识', children: <Typography.Text code>{manifest.device.deviceId}</Typography.Text> },
            { label: '生成时间', children: shanghaiDateTime(manifest.createdAt) },
            { label: '类型', children: packageKindLabels[manifest.kind] },
            { label: '范围', children: rangeText(pkg) },
            { label: '发送给', children: manifest.destination ?? '—' },
            { label: '加密', children: encryptionLabels[pkg.encryption] },
            { label: '附件', children: pkg.attachments.size > 0 ? `${pkg.attachments.size} 个` : '无' },
          ]}
        />
        <Table<TableMergePreview>
          size="small"
          aria-label="合并预览"
          rowKey="table"
          pagination={false}
          dataSource={preview.tables}
          locale={{ emptyText: '数据包中没有记录' }}
          columns={[
            { title: '数据', dataIndex: 'label' },
            ...outcomeColumns.map(({ key, title }) => ({
              title,
              key,
              align: 'right' as const,
              width: 90,
              render: (_: unknown, row: TableMergePreview) =>
                key === 'conflict' && row.counts.conflict > 0 ? <Tag color="orange">{row.counts.conflict}</Tag> : row.counts[key],
            })),
          ]}
          summary={(rows) =>
            rows.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                {outcomeColumns.map(({ key }, i) => (
                  <Table.Summary.Cell key={key} index={i + 1} align="right">
                    {sum(rows, key)}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
        {sum(preview.tables, 'conflict') > 0 ? (
          <Typography.Text type="warning">
            冲突：同一条记录在两台电脑上都被修改过。合并时保留较新的版本，另一版本留在“冲突处理”中，由您逐项选择。
          </Typography.Text>
        ) : null}
        {pkg.reference !== undefined && manifest.kind !== 'backup' ? (
          <ReferenceChanges preview={preview} take={takeReference} onTake={onTakeReference} disabled={merging !== undefined} />
        ) : null}
        <Flex gap={12} align="center" wrap>
          <Button type="primary" onClick={onMerge} loading={merging !== undefined}>
            确认合并
          </Button>
          <Button onClick={onCancel} disabled={merging !== undefined}>
            取消
          </Button>
          <Typography.Text type="secondary">
            {merging ??
              `${changes === 0 ? '合并不会改变本机任何记录。' : ''}合并前会自动备份本机数据；合并一次完成，失败时本机数据保持原样。`}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}

function ReferenceChanges({
  preview,
  take,
  onTake,
  disabled,
}: {
  preview: MergePreview;
  take: boolean;
  onTake: (take: boolean) => void;
  disabled: boolean;
}) {
  return (
    <Card size="small" type="inner" title="基础数据">
      {preview.reference.length === 0 ? (
        <Typography.Text type="secondary">数据包中的基础数据（区镇、部门、问题类别、走访类型、节假日安排）与本机一致。</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          <ul aria-label="基础数据变化" style={{ margin: 0, paddingInlineStart: 20 }}>
            {preview.reference.map((change) => (
              <li key={change.label}>
                <Typography.Text strong>{change.label}</Typography.Text>
                {change.added.length > 0 ? `：新增 ${change.added.join('、')}` : ''}
                {change.removed.length > 0 ? `${change.added.length > 0 ? '；' : '：'}去掉 ${change.removed.join('、')}` : ''}
              </li>
            ))}
          </ul>
          <Checkbox checked={take} disabled={disabled} onChange={(e) => onTake(e.target.checked)}>
            同时采用其中的基础数据（区镇、部门等）
          </Checkbox>
          <Typography.Text type="secondary">采用后，本机的区镇、部门、问题类别、走访类型名录以数据包为准，节假日安排会补充进来。</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

function MergeDone({ fileName, result, onAgain }: { fileName: string; result: MergeResult; onAgain: () => void }) {
  const counts = (key: keyof MergeCounts) => sum(result.tables, key);
  return (
    <Result
      status="success"
      title="合并完成"
      subTitle={
        <span aria-label="合并结果">
          「{fileName}」：新增 {counts('added')} 条，更新 {counts('updated')} 条，删除 {counts('deleted')} 条，冲突 {result.conflicts} 处
          {result.referenceTaken ? '；已采用其中的基础数据' : ''}。合并前的数据已自动备份。
        </span>
      }
      extra={[
        result.conflicts > 0 ? (
          <Link key="conflicts" to="/exchange/conflicts">
            <Button type="primary">处理 {result.conflicts} 处冲突</Button>
          </Link>
        ) : null,
        <Button key="again" onClick={onAgain}>
          继续导入
        </Button>,
      ]}
    />
  );
}
