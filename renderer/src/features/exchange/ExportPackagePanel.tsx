// 导出数据包: what this laptop sends to the bureau (or another officer). The package is built first
// and its contents shown — records per table — and only a file that was really saved marks the
// records as sent: a cancelled save dialog sends nothing, so the next package still holds them.
import { ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../../shared/errors/describeError';
import { packageTableLabel } from '../../../../shared/sync/dataPackage';
import { api } from '../../bridge/api';
import { useSettings } from '../../db/settingsStore';
import { EncryptionFields, encryptionProblem, packageEncryptionOf, type EncryptionValue } from './EncryptionFields';
import { buildChangesPackage, type BuiltPackage } from './exchangeRepo';

export const defaultDestination = '区商务局';
/** The destination last exported to, kept in the page's storage: most laptops send to one place. */
const destinationKey = 'visit-ledger.exchangeDestination';

function rememberedDestination(): string {
  try {
    return localStorage.getItem(destinationKey)?.trim() || defaultDestination;
  } catch {
    return defaultDestination;
  }
}

function rememberDestination(destination: string): void {
  try {
    localStorage.setItem(destinationKey, destination);
  } catch {
    // Storage switched off: the field simply starts from 区商务局 next time.
  }
}

export const packageFileFilter = { name: '走访台账数据包', extensions: ['vlpkg'] };

/** The counts of a built package as table rows, in the order the package lists them. */
export function countRows(counts: Record<string, number>): { table: string; label: string; count: number }[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => ({ table, label: packageTableLabel(table), count }));
}

export function ExportPackagePanel() {
  const { message } = App.useApp();
  const settings = useSettings();
  const recipient = settings?.bureauRecipient || undefined;
  const [destination, setDestination] = useState(rememberedDestination);
  const [everything, setEverything] = useState(false);
  const [chosen, setChosen] = useState<EncryptionValue>();
  const [built, setBuilt] = useState<BuiltPackage>();
  const [busy, setBusy] = useState<'building' | 'saving'>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  // The bureau's key is the default as soon as one is set: packages to the bureau travel encrypted.
  const encryption: EncryptionValue = chosen ?? { kind: recipient ? 'recipient' : 'none', passphrase: '', repeated: '' };
  const problem = !destination.trim() ? '请填写发送给谁' : encryptionProblem(encryption, recipient);

  /** Any change of what to send makes a package built before it stale. */
  function changed(apply: () => void) {
    apply();
    setBuilt(undefined);
    setError(undefined);
    setDone(undefined);
  }

  async function build() {
    setBusy('building');
    setError(undefined);
    setDone(undefined);
    try {
      setBuilt(
        await buildChangesPackage({
          destination: destination.trim(),
          everything,
          encryption: packageEncryptionOf(encryption, recipient),
        }),
      );
    } catch (e) {
      setError(`生成数据包失败：${describeError(e)}`);
    } finally {
      setBusy(undefined);
    }
  }

  async function save(pkg: BuiltPackage) {
    setBusy('saving');
    try {
      const result = await api.saveFile({ suggestedName: pkg.fileName, filters: [packageFileFilter], data: pkg.bytes });
      if (!result.saved) return;
      await pkg.markSent();
      rememberDestination(destination.trim());
      const total = Object.values(pkg.manifest.counts).reduce((sum, n) => sum + n, 0);
      const text = `已导出 ${total} 条记录；下次只导出此后的变化`;
      message.success(text);
      setDone(`${text}（文件「${result.fileName ?? pkg.fileName}」）`);
      setBuilt(undefined);
    } catch (e) {
      setError(`保存数据包失败：${describeError(e)}`);
    } finally {
      setBusy(undefined);
    }
  }

  const rows = built ? countRows(built.manifest.counts) : [];
  const total = rows.reduce((sum, row) => sum + row.count, 0);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 820 }}>
      <Form layout="horizontal" labelCol={{ flex: '120px' }} aria-label="导出数据包">
        <Form.Item label="发送给">
          <Input
            aria-label="发送给"
            value={destination}
            maxLength={60}
            disabled={busy !== undefined}
            onChange={(e) => changed(() => setDestination(e.target.value))}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item label="范围">
          <Radio.Group
            aria-label="导出范围"
            value={everything ? 'all' : 'changes'}
            disabled={busy !== undefined}
            onChange={(e) => changed(() => setEverything(e.target.value === 'all'))}
            options={[
              { value: 'changes', label: '只含上次发送后的变化' },
              { value: 'all', label: '全部数据' },
            ]}
          />
        </Form.Item>
        <Form.Item label="加密">
          <EncryptionFields
            value={encryption}
            recipient={recipient}
            disabled={busy !== undefined}
            onChange={(next) => changed(() => setChosen(next))}
          />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Flex gap={12} align="center">
            <Button type="primary" onClick={() => void build()} disabled={problem !== undefined || busy !== undefined} loading={busy === 'building'}>
              生成数据包
            </Button>
            {problem && destination.trim() === '' ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
          </Flex>
        </Form.Item>
      </Form>

      {error ? <Alert type="error" showIcon title={error} /> : null}
      {done ? <Alert type="success" showIcon title={done} /> : null}

      {busy === 'building' ? (
        <Card>
          <Spin /> <span style={{ marginLeft: 8 }}>正在生成数据包{encryption.kind === 'passphrase' ? '（口令加密需要几秒钟）' : ''}…</span>
        </Card>
      ) : null}

      {built ? (
        <Card size="small" title="将导出的内容（尚未保存）">
          {total === 0 ? (
            <Alert
              type="info"
              showIcon
              title={`上次发送给「${destination.trim()}」之后没有新的变化，无需导出`}
              description="如需重新发送全部记录，请选择“全部数据”。"
            />
          ) : (
            <Flex vertical gap={12}>
              <Table
                size="small"
                aria-label="将导出的记录"
                rowKey="table"
                pagination={false}
                dataSource={rows}
                columns={[
                  { title: '数据', dataIndex: 'label' },
                  { title: '记录数', dataIndex: 'count', width: 120, align: 'right' },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      {total}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
              <Typography.Text type="secondary">
                文件名：{built.fileName}
                {built.manifest.kind === 'changes' ? `；含本机第 ${built.manifest.range.fromSeq + 1}–${built.manifest.range.toSeq} 号变更` : '；含本机全部记录'}
              </Typography.Text>
              <div>
                <Button type="primary" icon={<ExportOutlined />} loading={busy === 'saving'} onClick={() => void save(built)}>
                  保存数据包
                </Button>
              </div>
            </Flex>
          )}
        </Card>
      ) : null}
    </Flex>
  );
}
