// 企业名录: every live enterprise in pinyin order of its name, with search as you type and filters by
// town and officer; the count says how many match, and every match can be scrolled to. Rows are
// virtualised, so 20,000 enterprises scroll as smoothly as 20. Town and officer live in the URL, so
// "back" from an enterprise keeps them.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Badge, Button, Empty, Flex, Input, Select, Space, Spin, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { useEnterpriseRows } from './useEnterpriseRows';
import { useOpenProblemCounts } from './useOpenProblemCounts';

const rowHeight = 44;
const columns = ['企业名称', '统一社会信用代码', '所属区镇', '服务专员', '最近走访', '未办结问题'] as const;

export function EnterpriseListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query, 150);
  const [reloadToken, setReloadToken] = useState(0);
  const town = params.get('town') ?? undefined;
  const officer = params.get('officer') ?? undefined;
  const { rows, total, towns, officers, loading } = useEnterpriseRows({ query: settledQuery, town, officer }, reloadToken);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchInput = useRef<InputRef>(null);
  const adding = params.get('new') === '1';

  useEffect(() => {
    searchInput.current?.focus();
  }, []);

  // TanStack Virtual returns functions that change every render; the React Compiler therefore leaves
  // this component unmemoised, which is what a scrolling list needs anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [settledQuery, town, officer]);

  const visibleIds = items.map((item) => rows[item.index]?.id).filter((id): id is string => id !== undefined);
  const counts = useOpenProblemCounts(visibleIds, reloadToken);

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

      <div className="vtable" role="table" aria-label="企业列表" aria-rowcount={rows.length}>
        <div className="vtable-row vtable-head" role="row">
          {columns.map((c) => (
            <div key={c} role="columnheader" className="vtable-cell">
              {c}
            </div>
          ))}
        </div>
        <div ref={scrollRef} className="vtable-body" role="rowgroup">
          {loading ? (
            // The first opening reads the whole roster once (about a second at 20,000 enterprises).
            <Flex justify="center" style={{ marginTop: 48 }}>
              <Spin description="正在载入企业名录…" />
            </Flex>
          ) : null}
          {rows.length === 0 && !loading ? (
            <Empty style={{ marginTop: 48 }} description={searching ? '没有找到匹配的企业' : '还没有企业，点“新增企业”添加'} />
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const e = rows[item.index];
              const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` };
              if (!e) return null;
              const open = counts.get(e.id);
              return (
                <div
                  key={e.id}
                  role="row"
                  className="vtable-row vtable-clickable"
                  style={style}
                  onClick={() => navigate(`/enterprises/${e.id}`)}
                >
                  <div role="cell" className="vtable-cell" title={e.name}>
                    <Link to={`/enterprises/${e.id}`} onClick={(ev) => ev.stopPropagation()}>
                      {e.name}
                    </Link>
                  </div>
                  <div role="cell" className="vtable-cell mono">
                    {e.creditCode}
                  </div>
                  <div role="cell" className="vtable-cell">
                    {e.town}
                  </div>
                  <div role="cell" className="vtable-cell">
                    {e.assignedOfficer}
                  </div>
                  <div role="cell" className="vtable-cell">
                    {e.lastVisitDate ?? <Typography.Text type="secondary">未走访</Typography.Text>}
                  </div>
                  <div role="cell" className="vtable-cell">
                    {open === undefined ? '' : open > 0 ? <Badge count={open} color="#d4380d" showZero={false} /> : '0'}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>

      <EnterpriseFormModal
        open={adding}
        onClose={closeAdd}
        onSaved={(saved) => {
          setReloadToken((n) => n + 1);
          navigate(`/enterprises/${saved.id}`);
        }}
      />
    </div>
  );
}
