// 回收站: what was deleted in the last 30 days, by whom and when, each with 恢复. Records are only
// ever tombstoned, so a deletion made by mistake is undone here instead of being typed in again.
import { UndoOutlined } from '@ant-design/icons';
import { App, Button, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { shanghaiDateTime } from '../../../../shared/calendar/shanghaiDate';
import { describeError } from '../../../../shared/errors/describeError';
import { deletedKindNames, listDeleted, recycleBinDays, restoreDeleted, RestoreRefused, type DeletedEntry, type DeletedKind } from './recycleBinRepo';

type Filter = DeletedKind | 'all';

export function RecycleBinPage() {
  const { message } = App.useApp();
  // Live: a restore (or a deletion on another screen) shows at once.
  const entries = useLiveQuery(() => listDeleted(), []);
  const [filter, setFilter] = useState<Filter>('all');
  const [restoring, setRestoring] = useState<string>();

  const restore = async (entry: DeletedEntry) => {
    setRestoring(entry.id);
    try {
      message.success(await restoreDeleted(entry.kind, entry.id));
    } catch (error) {
      message.error(error instanceof RestoreRefused ? error.message : `恢复失败：${describeError(error)}`);
    } finally {
      setRestoring(undefined);
    }
  };

  const shown = (entries ?? []).filter((e) => filter === 'all' || e.kind === filter);
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        回收站
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        最近 {recycleBinDays} 天删除的企业、走访、问题、重点项目、集体活动、会议，以及一企一策措施、培育企业、评议和评议表、社会责任候选企业。恢复后记录回到原处；恢复走访时，随走访一起删除的问题也一并恢复。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: '全部' },
            // Only the kinds there is something of (ten would crowd the bar), and the one chosen.
            ...(Object.keys(deletedKindNames) as DeletedKind[])
              .filter((k) => k === filter || (entries ?? []).some((e) => e.kind === k))
              .map((k) => ({ value: k, label: deletedKindNames[k] })),
          ]}
        />
      </Space>
      <Table<DeletedEntry>
        aria-label="已删除的记录"
        rowKey={(e) => `${e.kind}:${e.id}`}
        loading={entries === undefined}
        dataSource={shown}
        pagination={{ pageSize: 50, showTotal: (total) => `共 ${total} 条` }}
        locale={{ emptyText: <Empty description={`最近 ${recycleBinDays} 天没有删除的记录`} /> }}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 120, render: (k: DeletedKind) => <Tag>{deletedKindNames[k]}</Tag> },
          {
            title: '记录',
            dataIndex: 'title',
            render: (title: string, e) => (
              <>
                {title}
                {e.deletedWithVisit ? (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    （随走访删除）
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          { title: '所属企业', dataIndex: 'enterpriseName', width: 220, render: (name: string, e) => (e.kind === 'enterprise' ? '' : name) },
          { title: '删除人', dataIndex: 'deletedBy', width: 100 },
          { title: '删除时间', dataIndex: 'deletedAt', width: 150, render: (at: string) => shanghaiDateTime(at) },
          {
            title: '操作',
            key: 'restore',
            width: 100,
            render: (_: unknown, e) => (
              <Button
                size="small"
                icon={<UndoOutlined />}
                loading={restoring === e.id}
                onClick={() => void restore(e)}
                aria-label={`恢复${deletedKindNames[e.kind]} ${e.title}`}
              >
                恢复
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
