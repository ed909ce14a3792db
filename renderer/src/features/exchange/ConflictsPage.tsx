// 冲突处理: a record two laptops edited at the same time. The merge kept the newer version (当前) and
// put the other one here; the officer goes through the fields the two differ in and keeps, for each,
// the current value or the other version's. The answer is saved as a new version that travels in
// the next package and closes the same conflict on every laptop it reaches.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Radio, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../../../shared/errors/describeError';
import type { ConflictChoice, ConflictSide, FieldDifference } from '../../../../shared/sync/conflictResolution';
import { useLiveData } from '../../components/useLiveData';
import { useSettings } from '../../db/settingsStore';
import { shanghaiDateTime } from '../../../../shared/calendar/shanghaiDate';
import { conflictFieldLabel, formatConflictValue, mixedHandlingWarning } from './conflictFields';
import { loadConflictList, type ConflictListRow, type ConflictVersion } from './conflictList';
import { resolveOpenConflict } from './exchangeRepo';

function VersionText({ version, thisDevice }: { version: ConflictVersion; thisDevice: string | undefined }) {
  const device = version.deviceId === thisDevice ? '本机' : `设备 ${version.deviceId.slice(0, 8)}`;
  return (
    <span>
      {version.officer}
      <Typography.Text type="secondary">
        {' '}
        · {device} · {shanghaiDateTime(version.updatedAt)}
      </Typography.Text>
    </span>
  );
}

export function ConflictsPage() {
  const navigate = useNavigate();
  const settings = useSettings();
  const { value: rows, stale } = useLiveData(loadConflictList, ['conflicts']);
  const [openId, setOpenId] = useState<string>();
  const open = rows?.find((row) => row.id === openId);

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/exchange')} aria-label="返回数据交换" />
        <Typography.Title level={4} style={{ margin: 0 }}>
          冲突处理
        </Typography.Title>
        {rows && rows.length > 0 ? <Tag color="orange">{rows.length} 处待处理</Tag> : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        同一条记录在两台电脑上都被修改过时，合并保留较新的版本（“当前”），另一版本留在这里。请逐项选择保留哪个值；处理结果保存为新版本，下次导出时带给其他电脑。
      </Typography.Paragraph>
      {rows === undefined && stale ? (
        <Spin />
      ) : rows && rows.length === 0 ? (
        <Empty description="没有待处理的冲突" />
      ) : (
        <Table<ConflictListRow>
          size="small"
          aria-label="待处理的冲突"
          rowKey="id"
          pagination={false}
          dataSource={rows}
          rowClassName={(row) => (row.id === openId ? 'ant-table-row-selected' : '')}
          columns={[
            { title: '类型', dataIndex: 'tableLabel', width: 100 },
            { title: '记录', dataIndex: 'recordName', ellipsis: true },
            { title: '发现时间', key: 'detectedAt', width: 150, render: (_, row) => shanghaiDateTime(row.detectedAt) },
            { title: '当前版本', key: 'current', render: (_, row) => <VersionText version={row.current} thisDevice={settings?.deviceId} /> },
            { title: '另一版本', key: 'other', render: (_, row) => <VersionText version={row.other} thisDevice={settings?.deviceId} /> },
            {
              title: '操作',
              key: 'actions',
              width: 90,
              render: (_, row) => (
                <Button size="small" type={row.id === openId ? 'primary' : 'default'} onClick={() => setOpenId(row.id)} aria-label={`处理：${row.recordName}`}>
                  处理
                </Button>
              ),
            },
          ]}
        />
      )}
      {open ? <ConflictChooser key={open.id} row={open} thisDevice={settings?.deviceId} onClose={() => setOpenId(undefined)} /> : null}
    </Flex>
  );
}

function ConflictChooser({ row, thisDevice, onClose }: { row: ConflictListRow; thisDevice: string | undefined; onClose: () => void }) {
  const { message } = App.useApp();
  // Every field starts as stored: 确认处理 without a change keeps the current version as it is.
  const [choice, setChoice] = useState<Record<string, ConflictSide>>(() =>
    Object.fromEntries(row.differences.map((d) => [d.field, 'winner' as ConflictSide])),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const mixed = mixedHandlingWarning(
    row.table,
    row.differences.map((d) => d.field),
    choice,
  );

  const setAll = (side: ConflictSide) => setChoice(Object.fromEntries(row.differences.map((d) => [d.field, side])));

  async function resolve() {
    setSaving(true);
    setError(undefined);
    try {
      await resolveOpenConflict(row.id, choice as ConflictChoice);
      const taken = Object.values(choice).filter((side) => side === 'loser').length;
      message.success(taken > 0 ? `冲突已处理：采用另一版本的 ${taken} 项，其余保留当前` : '冲突已处理：保留当前版本');
      onClose();
    } catch (e) {
      setError(`未能处理：${describeError(e)}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card
      size="small"
      title={`${row.tableLabel}：${row.recordName}`}
      aria-label="逐项选择"
      extra={
        <Button size="small" onClick={onClose} disabled={saving}>
          收起
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={24} wrap>
          <span>
            <Typography.Text strong>当前：</Typography.Text>
            <VersionText version={row.current} thisDevice={thisDevice} />
          </span>
          <span>
            <Typography.Text strong>另一版本：</Typography.Text>
            <VersionText version={row.other} thisDevice={thisDevice} />
          </span>
        </Flex>
        {row.differences.length === 0 ? (
          <Alert type="info" showIcon title="两个版本的内容现已一致，确认即可关闭此冲突。" />
        ) : (
          <Table<FieldDifference>
            size="small"
            aria-label="不同的字段"
            rowKey="field"
            pagination={false}
            dataSource={row.differences}
            columns={[
              { title: '字段', key: 'field', width: 140, render: (_, d) => conflictFieldLabel(row.table, d.field) },
              {
                title: '当前',
                key: 'winner',
                render: (_, d) => <FieldValue text={formatConflictValue(d.field, d.winner)} chosen={choice[d.field] !== 'loser'} />,
              },
              {
                title: '另一版本',
                key: 'loser',
                render: (_, d) => <FieldValue text={formatConflictValue(d.field, d.loser)} chosen={choice[d.field] === 'loser'} />,
              },
              {
                title: '采用',
                key: 'choice',
                width: 230,
                render: (_, d) => (
                  <Radio.Group
                    aria-label={`「${conflictFieldLabel(row.table, d.field)}」采用的版本`}
                    optionType="button"
                    size="small"
                    value={choice[d.field] ?? 'winner'}
                    disabled={saving}
                    onChange={(e) => setChoice((current) => ({ ...current, [d.field]: e.target.value as ConflictSide }))}
                    options={[
                      { value: 'winner', label: '保留当前' },
                      { value: 'loser', label: '采用另一版本' },
                    ]}
                  />
                ),
              },
            ]}
          />
        )}
        {mixed ? <Alert type="warning" showIcon title={mixed} /> : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Flex gap={8} wrap>
          <Button onClick={() => setAll('winner')} disabled={saving || row.differences.length === 0}>
            全部保留当前
          </Button>
          <Button onClick={() => setAll('loser')} disabled={saving || row.differences.length === 0}>
            全部采用另一版本
          </Button>
          <Button type="primary" onClick={() => void resolve()} loading={saving}>
            确认处理
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** A value, struck through when it will not be kept, so the result reads straight down one column. */
function FieldValue({ text, chosen }: { text: string; chosen: boolean }) {
  return (
    <Typography.Text delete={!chosen} type={chosen ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Typography.Text>
  );
}
