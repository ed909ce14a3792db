// 企业名录: every live enterprise in pinyin order of its name, with search as you type and filters by
// town and officer; the count says how many match, and every match can be scrolled to. Rows are
// virtualised, so 20,000 enterprises scroll as smoothly as 20. Town and officer live in the URL, so
// "back" from an enterprise keeps them.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Input, Select, Space, Spin, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useVirtualRows, VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import type { DirectoryEntry } from '../../../../shared/search/enterpriseDirectory';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { useEnterpriseRows } from './useEnterpriseRows';
import { useOpenProblemCounts } from './useOpenProblemCounts';

const rowHeight = 44;

export function EnterpriseListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query, 150);
  const town = params.get('town') ?? undefined;
  const officer = params.get('officer') ?? undefined;
  const { rows, total, towns, officers, loading } = useEnterpriseRows({ query: settledQuery, town, officer });
  const searchInput = useRef<InputRef>(null);
  const adding = params.get('new') === '1';

  useEffect(() => {
    searchInput.current?.focus();
  }, []);

  const table = useVirtualRows(rows, rowHeight, `${settledQuery}|${town ?? ''}|${officer ?? ''}`);
  const counts = useOpenProblemCounts(table.visible.map((e) => e.id));
  const columns: VirtualColumn<DirectoryEntry>[] = [
    {
      key: 'name',
      header: '企业名称',
      title: (e) => e.name,
      cell: (e) => (
        <Link to={`/enterprises/${e.id}`} onClick={(ev) => ev.stopPropagation()}>
          {e.name}
        </Link>
      ),
    },
    { key: 'creditCode', header: '统一社会信用代码', className: 'mono', cell: (e) => e.creditCode },
    { key: 'town', header: '所属区镇', cell: (e) => e.town },
    { key: 'officer', header: '服务专员', cell: (e) => e.assignedOfficer },
    { key: 'lastVisit', header: '最近走访', cell: (e) => e.lastVisitDate ?? <Typography.Text type="secondary">未走访</Typography.Text> },
    {
      key: 'open',
      header: '未办结问题',
      cell: (e) => {
        const open = counts.get(e.id);
        return open === undefined ? '' : open > 0 ? <Badge count={open} color="#d4380d" showZero={false} /> : '0';
      },
    },
  ];

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }
  const closeAdd = () => setParam('new', undefined);

  const searching = settledQuery.trim() !== '' || Boolean(town) || Boolean(officer);
  const countText =
    total === undefined ? '正在载入…' : searching ? `找到 ${rows.length} 家（共 ${total} 家）` : `共 ${total} 家，按企业名称拼音排序`;
  return (
    <div className="page-fill">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space align="baseline" size={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            企业名录
          </Typography.Title>
          <Typography.Text type="secondary" aria-live="polite" aria-label="企业数">
            {countText}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Select
            aria-label="所属区镇"
            placeholder="所属区镇"
            allowClear
            showSearch
            style={{ width: 160 }}
            value={town}
            options={towns.map((t) => ({ value: t, label: t }))}
            onChange={(v?: string) => setParam('town', v)}
          />
          <Select
            aria-label="服务专员"
            placeholder="服务专员"
            allowClear
            showSearch
            style={{ width: 130 }}
            value={officer}
            options={officers.map((o) => ({ value: o, label: o }))}
            onChange={(v?: string) => setParam('officer', v)}
          />
          <Input
            ref={searchInput}
            aria-label="搜索企业"
            placeholder="搜索企业名称、拼音（全拼或首字母）或信用代码"
            prefix={<SearchOutlined />}
            allowClear
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Enter opens the first hit: find and open an enterprise without touching the mouse.
              if (e.key === 'Enter' && rows[0] && settledQuery === query && query.trim()) navigate(`/enterprises/${rows[0].id}`);
            }}
            style={{ width: 340 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setParam('new', '1')}>
            新增企业
          </Button>
        </Space>
      </Space>

      <VirtualTable
        label="企业列表"
        table={table}
        columns={columns}
        rowKey={(e) => e.id}
        onRowClick={(e) => navigate(`/enterprises/${e.id}`)}
        placeholder={
          loading ? (
            // The first opening reads the whole roster once (about a second at 20,000 enterprises).
            <Flex justify="center" style={{ marginTop: 48 }}>
              <Spin description="正在载入企业名录…" />
            </Flex>
          ) : rows.length === 0 ? (
            <Empty style={{ marginTop: 48 }} description={searching ? '没有找到匹配的企业' : '还没有企业，点“新增企业”添加'} />
          ) : null
        }
      />

      <EnterpriseFormModal
        open={adding}
        onClose={closeAdd}
        onSaved={(saved) => navigate(`/enterprises/${saved.id}`)}
      />
    </div>
  );
}
