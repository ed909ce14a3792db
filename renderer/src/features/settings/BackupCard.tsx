// 设置 → 备份与恢复: a backup now, the backups kept (the desktop app keeps the newest 14 and restores
// any of them; the browser only offers each as a download, so it reminds when the last is old), and a
// restore from a file. A restore replaces every record of this laptop, so it first shows what the
// backup holds and says what will happen, backs up the current data, and reloads the app afterwards.
import { CloudDownloadOutlined, FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Modal, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../../../shared/errors/describeError';
import { maxBridgeBytes, type BackupEntry, type IpcResult } from '../../../../shared/ipc';
import { PackageRefusedError } from '../../../../shared/sync/dataPackage';
import { api } from '../../bridge/api';
import { formatBytes } from '../../db/localStorageState';
import { shanghaiDateTime } from '../../../../shared/calendar/shanghaiDate';
import { backupReasonLabels, backupReminder } from '../exchange/backups';
import {
  backupSummary,
  buildBackup,
  readLedgerPackage,
  restoreBackup,
  type BackupSummary,
  type LedgerPackage,
} from '../exchange/exchangeRepo';
import { packageFileFilter } from '../exchange/ExportPackagePanel';

interface BackupState {
  status: IpcResult<'backupStatus'>;
  list: BackupEntry[];
}

interface RestoreCandidate {
  source: string;
  pkg: LedgerPackage;
  summary: BackupSummary;
}

export function BackupCard() {
  const { message } = App.useApp();
  const [state, setState] = useState<BackupState>();
  const [loadError, setLoadError] = useState<string>();
  const [backingUp, setBackingUp] = useState(false);
  const [opening, setOpening] = useState<string>();
  const [error, setError] = useState<string>();
  const [candidate, setCandidate] = useState<RestoreCandidate>();

  const refresh = useCallback(
    () =>
      Promise.all([api.backupStatus({}), api.backupList({})]).then(
        ([status, list]) => {
          setState({ status, list });
          setLoadError(undefined);
        },
        (e: unknown) => setLoadError(`无法读取备份情况：${describeError(e)}`),
      ),
    [],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const automatic = state?.status.automatic ?? false;

  async function backUpNow() {
    setBackingUp(true);
    setError(undefined);
    try {
      const backup = await buildBackup();
      const entry = await api.backupWrite({ reason: 'manual', data: backup.bytes });
      message.success(
        automatic
          ? `已备份：${entry.fileName}（${formatBytes(entry.size)}）`
          : `备份文件已下载：${entry.fileName}。请把它存到 U 盘或其他电脑上`,
      );
      await refresh();
    } catch (e) {
      setError(`备份失败：${describeError(e)}`);
    } finally {
      setBackingUp(false);
    }
  }

  /** Reads a backup's bytes and asks before restoring it. */
  async function offer(source: string, bytes: Uint8Array) {
    try {
      const pkg = await readLedgerPackage(bytes);
      if (pkg.manifest.kind !== 'backup') {
        setError(`「${source}」是数据包，不是备份文件。要把其中的记录并入本机，请到“数据交换 → 导入数据包”。`);
        return;
      }
      setCandidate({ source, pkg, summary: backupSummary(pkg) });
    } catch (e) {
      setError(e instanceof PackageRefusedError ? `「${source}」无法恢复：${e.message}` : `无法读取「${source}」：${describeError(e)}`);
    }
  }

  async function restoreKept(entry: BackupEntry) {
    setError(undefined);
    setOpening(entry.fileName);
    try {
      const { data } = await api.backupRead({ fileName: entry.fileName });
      await offer(entry.fileName, data);
    } catch (e) {
      setError(`无法读取备份「${entry.fileName}」：${describeError(e)}`);
    } finally {
      setOpening(undefined);
    }
  }

  async function restoreFromFile() {
    setError(undefined);
    try {
      const file = await api.openFile({ filters: [packageFileFilter], maxBytes: maxBridgeBytes });
      if (!file) return;
      setOpening(file.fileName);
      await offer(file.fileName, file.data);
    } catch (e) {
      setError(`无法打开文件：${describeError(e)}`);
    } finally {
      setOpening(undefined);
    }
  }

  const reminder = state && !automatic ? backupReminder(state.status.latest, new Date()) : undefined;

  return (
    <Card size="small" title="备份与恢复" style={{ marginBottom: 16 }}>
      <Flex vertical gap={12}>
        {loadError ? <Alert type="error" showIcon title={loadError} /> : null}
        {state && automatic ? (
          <Typography.Text type="secondary">
            本机每天第一次打开时自动备份，合并数据包和恢复备份之前也会自动备份；保留最近 14 份。
          </Typography.Text>
        ) : null}
        {state && !automatic ? (
          <Flex vertical gap={8}>
            <Typography.Text aria-label="上次备份">
              上次备份：{state.status.latest ? `${shanghaiDateTime(state.status.latest.createdAt)}（${backupReasonLabels[state.status.latest.reason]}）` : '从未备份'}
            </Typography.Text>
            <Typography.Text type="secondary">
              浏览器版不在应用内保留备份：每次备份都会下载一个备份文件，请把它存到 U 盘或其他电脑上。恢复时选择该文件。
            </Typography.Text>
            {reminder ? <Alert type="warning" showIcon title={reminder} /> : null}
          </Flex>
        ) : null}
        <Flex gap={8} wrap>
          <Button type="primary" icon={<SaveOutlined />} loading={backingUp} onClick={() => void backUpNow()}>
            立即备份
          </Button>
          <Button icon={<FolderOpenOutlined />} onClick={() => void restoreFromFile()} disabled={opening !== undefined}>
            从文件恢复…
          </Button>
        </Flex>
        {error ? <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(undefined) }} /> : null}
        {state && state.list.length > 0 ? (
          <Table<BackupEntry>
            size="small"
            aria-label="备份列表"
            rowKey="fileName"
            pagination={false}
            dataSource={state.list}
            columns={[
              { title: '时间', key: 'createdAt', width: 150, render: (_, entry) => shanghaiDateTime(entry.createdAt) },
              { title: '原因', key: 'reason', render: (_, entry) => backupReasonLabels[entry.reason] },
              { title: '大小', key: 'size', width: 100, align: 'right', render: (_, entry) => formatBytes(entry.size) },
              ...(automatic
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      width: 90,
                      render: (_: unknown, entry: BackupEntry) => (
                        <Button
                          size="small"
                          icon={<CloudDownloadOutlined />}
                          loading={opening === entry.fileName}
                          disabled={opening !== undefined && opening !== entry.fileName}
                          onClick={() => void restoreKept(entry)}
                          aria-label={`恢复 ${shanghaiDateTime(entry.createdAt)} 的备份`}
                        >
                          恢复
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ) : null}
      </Flex>
      {candidate ? <RestoreDialog candidate={candidate} onClose={() => setCandidate(undefined)} /> : null}
    </Card>
  );
}

function RestoreDialog({ candidate, onClose }: { candidate: RestoreCandidate; onClose: () => void }) {
  const [step, setStep] = useState<string>();
  const [error, setError] = useState<string>();
  const { summary } = candidate;
  const total = summary.counts.reduce((sum, c) => sum + c.count, 0);

  async function restore() {
    setError(undefined);
    setStep('正在备份本机当前数据…');
    try {
      const current = await buildBackup();
      await api.backupWrite({ reason: 'restore', data: current.bytes });
    } catch (e) {
      setStep(undefined);
      setError(`本机当前数据的备份没有完成，因此没有恢复：${describeError(e)}`);
      return;
    }
    setStep('正在恢复…');
    try {
      const { restored } = await restoreBackup(candidate.pkg);
      setStep(`已恢复 ${restored} 条记录，正在重新载入…`);
      // Every screen, cache and remembered setting starts again from the restored database.
      window.location.reload();
    } catch (e) {
      setStep(undefined);
      setError(`恢复失败，本机数据没有任何改动：${describeError(e)}`);
    }
  }

  return (
    <Modal
      open
      title="恢复备份"
      width={640}
      onCancel={step ? undefined : onClose}
      closable={!step}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={step !== undefined}>
          取消
        </Button>,
        <Button key="restore" type="primary" danger loading={step !== undefined} onClick={() => void restore()}>
          恢复此备份
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          bordered
          column={1}
          aria-label="备份内容"
          items={[
            { label: '文件', children: candidate.source },
            { label: '备份时间', children: shanghaiDateTime(summary.createdAt) },
            { label: '使用人', children: summary.officer || '未署名' },
            { label: '设备标识', children: <Typography.Text code>{summary.deviceId}</Typography.Text> },
            {
              label: '记录',
              children: total === 0 ? '（空）' : summary.counts.map((c) => `${c.label} ${c.count} 条`).join('，'),
            },
          ]}
        />
        <Alert
          type="warning"
          showIcon
          title="恢复会替换本机现有的全部记录"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              <li>恢复前，先把本机当前的数据自动备份一份。</li>
              <li>本机的企业、走访、问题、项目等全部记录换成备份中的记录；备份之后在本机新增或修改的内容不再保留（只在刚才那份自动备份中）。</li>
              <li>使用人和基础名录按备份恢复；待处理的冲突和数据包发送记录清空，下次导出数据包时将发送全部记录。</li>
              <li>本机将使用新的设备标识，然后重新载入程序。</li>
            </ul>
          }
        />
        {step ? <Typography.Text>{step}</Typography.Text> : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Modal>
  );
}
