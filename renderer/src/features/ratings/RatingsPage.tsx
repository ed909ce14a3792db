// 评议 (seed 002): the rating rounds — 千家外商投资企业评议机关 (enterprises rate departments) and
// 测评投资环境 (enterprises rate towns) — newest first, each with how many forms are in; 新建评议 sets one
// up. The second tab is the yearly 社会责任先进企业 list. Each round's name opens it (entry, import,
// results, export).
import { Button, Empty, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ratingScaleLabels } from '../../../../shared/domain/ratingRecords';
import { useLiveData } from '../../components/useLiveData';
import { CsrPanel } from './CsrPanel';
import { listRounds, type RoundRow } from './ratingsRepo';
import { RoundFormModal } from './RoundFormModal';

function targetsText(row: RoundRow): string {
  const { departments, towns } = row.round;
  return [departments.length > 0 ? `${departments.length} 个部门` : '', towns.length > 0 ? `${towns.length} 个区镇` : ''].filter((t) => t !== '').join('、');
}

export function RatingsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'csr' ? 'csr' : 'rounds';
  const rounds = useLiveData(listRounds, ['rounds']).value;
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        评议与评选
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'csr' ? { tab: 'csr' } : {}, { replace: true })}
        items={[
          {
            key: 'rounds',
            label: '企业评议（评议机关、测评投资环境）',
            children: (
              <Flex vertical gap={12}>
                <Flex justify="space-between" align="center">
                  <Typography.Text type="secondary">企业对部门的评议和对区镇投资环境的测评：每轮设定评议对象和项目，录入或导入企业填写的评议表，查看并导出结果。</Typography.Text>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                    新建评议
                  </Button>
                </Flex>
                <Table<RoundRow>
                  aria-label="评议列表"
                  size="small"
                  loading={rounds === undefined}
                  rowKey={(r) => r.round.id}
                  dataSource={rounds ?? []}
                  pagination={false}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有评议。点“新建评议”设定评议对象和项目" /> }}
                  columns={[
                    { title: '评议名称', key: 'name', render: (_, r) => <Link to={`/ratings/${encodeURIComponent(r.round.id)}`}>{r.round.name}</Link> },
                    { title: '评议期间', key: 'period', render: (_, r) => `${r.round.startDate} 至 ${r.round.endDate}` },
                    { title: '评议对象', key: 'targets', render: (_, r) => targetsText(r) },
                    { title: '评分方式', key: 'scale', render: (_, r) => <Tag>{ratingScaleLabels[r.round.scale]}</Tag> },
                    { title: '已收评议表', key: 'forms', align: 'right', render: (_, r) => `${r.forms} 份（${r.enterprises} 家企业）` },
                  ]}
                />
              </Flex>
            ),
          },
          { key: 'csr', label: '社会责任先进企业', children: <CsrPanel /> },
        ]}
      />
      {creating ? (
        <RoundFormModal
          onClose={() => setCreating(false)}
          onSaved={(round) => {
            setCreating(false);
            navigate(`/ratings/${encodeURIComponent(round.id)}`);
          }}
        />
      ) : null}
    </Flex>
  );
}
