// 数据交换: what travels between this laptop and the bureau — packages out, packages in (previewed
// before they are merged), the bureau's reference package — and the way to 冲突处理, with the number
// of conflicts still waiting for an answer.
import { SwapOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useLiveData } from '../../components/useLiveData';
import { openConflicts } from './exchangeRepo';
import { ExportPackagePanel } from './ExportPackagePanel';
import { ImportPackagePanel } from './ImportPackagePanel';
import { ReferencePackagePanel } from './ReferencePackagePanel';
import { SyncPanel } from '../sync/SyncPanel';

const tabKeys = ['export', 'import', 'reference', 'sync'] as const;
type TabKey = (typeof tabKeys)[number];

/** How many conflicts wait for an answer (live: a merge or an answer updates it at once). */
export function useOpenConflictCount(): number | undefined {
  return useLiveData(async () => (await openConflicts()).length, ['open-conflicts']).value;
}

export function ExchangePage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TabKey = tabKeys.includes(requested as TabKey) ? (requested as TabKey) : 'export';
  const conflicts = useOpenConflictCount() ?? 0;

  return (
    <Flex vertical gap={8}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <SwapOutlined /> 数据交换
        </Typography.Title>
        <Badge count={conflicts} offset={[-4, 4]}>
          <Link to="/exchange/conflicts">
            <Button aria-label={conflicts > 0 ? `冲突处理（${conflicts} 处待处理）` : '冲突处理'}>冲突处理</Button>
          </Link>
        </Badge>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        没有网络时，各台电脑之间通过数据包文件（U 盘、邮件等）交换记录：服务专员把变化导出给区商务局，区商务局合并各人的数据包。有内网同步服务器时，也可在“同步”中自动同步。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'export', label: '导出数据包', children: <ExportPackagePanel /> },
          { key: 'import', label: '导入数据包', children: <ImportPackagePanel /> },
          { key: 'reference', label: '基础数据包', children: <ReferencePackagePanel /> },
          { key: 'sync', label: '同步', children: <SyncPanel /> },
        ]}
      />
    </Flex>
  );
}
