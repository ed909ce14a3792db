// 企业名录's search as you type, in three pieces that share the typed text through a ValueStore so
// that a keystroke re-renders them and not the page around them (title, filters, buttons):
//   - the box, which only holds the text (its keystroke is the one urgent render);
//   - the count line and the list, which read the text through useDeferredValue: every input runs
//     the search, in a render React abandons when the next input arrives, so a query no longer in
//     the box is dropped rather than painted, and nothing waits on a timer.
import { SearchOutlined } from '@ant-design/icons';
import { Badge, Empty, Flex, Input, Spin, Typography, type InputRef } from 'antd';
import { memo, useDeferredValue, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useStoreValue, type ValueStore } from '../../components/valueStore';
import { useVirtualRows, VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import type { DirectoryEntry, DirectorySearch } from '../../../../shared/search/enterpriseDirectory';
import { useEnterpriseRows } from './useEnterpriseRows';
import { useOpenProblemCounts } from './useOpenProblemCounts';

const rowHeight = 44;

/** What the count line and the list need besides the text. */
export interface RosterScope {
  text: ValueStore<string>;
  search: DirectorySearch;
  /** Every live enterprise; undefined until first read. */
  directory: readonly DirectoryEntry[] | undefined;
  town: string | undefined;
  officer: string | undefined;
}

/** The search box; focused when the page opens. Enter opens the first hit of the text in the box. */
export function EnterpriseSearchBox({ text, onEnter }: { text: ValueStore<string>; onEnter: (query: string) => void }) {
  const [value, setValue] = useState(text.get);
  const input = useRef<InputRef>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);
  return (
    <Input
      ref={input}
      aria-label="搜索企业"
      placeholder="搜索企业名称、拼音（全拼或首字母）或信用代码"
      prefix={<SearchOutlined />}
      allowClear
      value={value}
      onChange={(e) => {
        setValue(e.target.value);
        text.set(e.target.value);
      }}
      onKeyDown={(e) => {
        // Find and open an enterprise without touching the mouse.
        if (e.key === 'Enter' && value.trim()) onEnter(value);
      }}
      style={{ width: 340 }}
    />
  );
}

/** "找到 N 家（共 M 家）" for the rows the list shows. */
export function EnterpriseCount({ text, search, directory, town, officer }: RosterScope) {
  const query = useDeferredValue(useStoreValue(text));
  const rows = useEnterpriseRows(search, directory, { query, town, officer });
  const searching = query.trim() !== '' || Boolean(town) || Boolean(officer);
  const countText =
    directory === undefined ? '正在载入…' : searching ? `找到 ${rows.length} 家（共 ${directory.length} 家）` : `共 ${directory.length} 家，按企业名称拼音排序`;
  return (
    <Typography.Text type="secondary" aria-live="polite" aria-label="企业数">
      {countText}
    </Typography.Text>
  );
}

/** The virtualised list of the matching enterprises. */
export function EnterpriseResults({ text, ...scope }: RosterScope) {
  const query = useDeferredValue(useStoreValue(text));
  return <ResultsTable query={query} {...scope} />;
}

type ResultsProps = Omit<RosterScope, 'text'> & { query: string };

// Memoised: while the deferred text still holds the last query, the urgent render stops here.
const ResultsTable = memo(function ResultsTable({ query, search, directory, town, officer }: ResultsProps) {
  const navigate = useNavigate();
  const rows = useEnterpriseRows(search, directory, { query, town, officer });
  const table = useVirtualRows(rows, rowHeight, `${query}|${town ?? ''}|${officer ?? ''}`);
  const counts = useOpenProblemCounts(table.visible.map((e) => e.id));
  const searching = query.trim() !== '' || Boolean(town) || Boolean(officer);
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
  return (
    <VirtualTable
      label="企业列表"
      table={table}
      columns={columns}
      rowKey={(e) => e.id}
      onRowClick={(e) => navigate(`/enterprises/${e.id}`)}
      placeholder={
        directory === undefined ? (
          // The first opening reads the whole roster once (about a second at 20,000 enterprises).
          <Flex justify="center" style={{ marginTop: 48 }}>
            <Spin description="正在载入企业名录…" />
          </Flex>
        ) : rows.length === 0 ? (
          <Empty style={{ marginTop: 48 }} description={searching ? '没有找到匹配的企业' : '还没有企业，点“新增企业”添加'} />
        ) : null
      }
    />
  );
});
