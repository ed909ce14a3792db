// 清除示例数据 (设置 → 本机数据): shown while demo records are stored; says what it removes and what it
// keeps before it removes anything.
import { DeleteOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describeError } from '../../../../shared/errors/describeError';
import { countDemoData, hasDemoData, removeDemoData } from './demoDataRepo';

export function ClearDemoData() {
  const { modal, message } = AntApp.useApp();
  const present = useLiveQuery(() => hasDemoData(), []);
  const [busy, setBusy] = useState(false);
  if (!present) return <Typography.Text type="secondary">没有示例数据</Typography.Text>;

  async function ask() {
    setBusy(true);
    try {
      const counts = await countDemoData();
      modal.confirm({
        title: '清除示例数据？',
        content: (
          <>
            <Typography.Paragraph>
              将删除示例企业 {counts.enterprises} 家、走访记录 {counts.visits} 条、问题诉求 {counts.problems} 条、重点项目 {counts.projects} 个
              （含月度进展 {counts.progressEntries} 条）。您自己录入的数据不受影响。
            </Typography.Paragraph>
            {counts.kept > 0 ? (
              <Typography.Paragraph type="warning">
                有 {counts.kept} 条示例记录上挂着您自己录入的走访、问题、项目或附件，将保留这些示例记录，以免您的记录失去所属企业。
              </Typography.Paragraph>
            ) : null}
          </>
        ),
        okText: '清除示例数据',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: async () => {
          try {
            const removed = await removeDemoData();
            message.success(`已清除示例数据：企业 ${removed.enterprises} 家、走访 ${removed.visits} 条、问题 ${removed.problems} 条、项目 ${removed.projects} 个`);
          } catch (error) {
            message.error(`清除示例数据失败，数据没有任何改动：${describeError(error)}`);
          }
        },
      });
    } catch (error) {
      message.error(`读取示例数据失败：${describeError(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button danger icon={<DeleteOutlined />} loading={busy} onClick={() => void ask()}>
      清除示例数据
    </Button>
  );
}
