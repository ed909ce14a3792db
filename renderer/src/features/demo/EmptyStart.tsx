// The first screen of an empty database: what the app is for and the three ways to start —
// add an enterprise, import the roster, or look around with the seeded demo data.
import { DatabaseOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../../../shared/errors/describeError';
import { loadDemoData } from './loadDemoData';

export function EmptyStart() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const loading = progress !== undefined;

  const loadDemo = async () => {
    setProgress(0);
    try {
      const result = await loadDemoData(undefined, 'small', (fraction) => setProgress(Math.round(fraction * 100)));
      message.success(
        `已载入示例数据：企业 ${result.enterprises} 家、走访记录 ${result.visits} 条、问题诉求 ${result.problems} 条、重点外资项目 ${result.projects} 个`,
      );
    } catch (error) {
      message.error(`载入示例数据失败：${describeError(error)}`);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <Flex justify="center" style={{ paddingTop: 48 }}>
      <Card style={{ maxWidth: 640, width: '100%' }}>
        <Typography.Title level={3}>欢迎使用企业走访台账</Typography.Title>
        <Typography.Paragraph>
          在车间里离线记录走访和企业反映的问题诉求，按首问负责制跟踪每个问题的答复期限，管理重点外资项目的月度进展，并导出服务月报表。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          台账里还没有企业。可以逐家新增，也可以导入企业名单；想先看看效果，可以载入一份示例数据（虚构的企业，可随时在“设置 → 本机数据”中一键清除，不影响您自己录入的数据）。
        </Typography.Paragraph>
        <Flex gap={12} wrap>
          <Button type="primary" icon={<PlusOutlined />} disabled={loading} onClick={() => navigate('/enterprises?new=1')}>
            新增企业
          </Button>
          <Button icon={<UploadOutlined />} disabled={loading} onClick={() => navigate('/roster/import')}>
            导入名单
          </Button>
          <Button icon={<DatabaseOutlined />} loading={loading} onClick={() => void loadDemo()}>
            载入示例数据
          </Button>
        </Flex>
        {loading && (
          <div style={{ marginTop: 16 }} aria-live="polite">
            <Typography.Text type="secondary">正在载入示例数据…</Typography.Text>
            <Progress percent={progress} status="active" />
          </div>
        )}
      </Card>
    </Flex>
  );
}
