// 部门红黄榜 (issue 16): per department or per town, for a period — problems received, answered on time,
// late, resolved, the satisfaction rate, the items the period's meetings decided and how many went past
// the decided deadline; ranked by the on-time rate, 红榜 for a clean record and 黄榜 for any lateness;
// exported (and so printed) through the one workbook writer.
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import {
  leagueGroupingLabels,
  leagueGroupings,
  RED_BOARD_FROM,
  YELLOW_BOARD_BELOW,
  type LeagueGrouping,
  type LeagueRow,
} from '../../../../shared/meetings/departmentLeague';
import { api } from '../../bridge/api';
import { DateInput } from '../../components/DateInput';
import { useLiveData } from '../../components/useLiveData';
import { ExportProgressBar, useWorkbookExport } from '../../export/useWorkbookExport';
import { useSettings } from '../../db/settingsStore';
import { exportLeague } from './meetingExport';
import { loadLeague } from './meetingsRepo';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function LeaguePage() {
  const settings = useSettings();
  const today = shanghaiDate();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [grouping, setGrouping] = useState<LeagueGrouping>('department');
  const rows = useLiveData(
    () => (settings ? loadLeague(from, to, grouping, settings, today) : Promise.resolve(undefined)),
    ['league', from, to, grouping, today, settings ? 1 : 0],
  );
  const workbookExport = useWorkbookExport();
  const list = rows.value ?? [];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space direction="vertical" size={0}>
          <Link to="/meetings">← 会议督办</Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {grouping === 'department' ? '部门红黄榜' : '区镇红黄榜'}
          </Typography.Title>
        </Space>
        <Space wrap>
          <span>期间</span>
          <div style={{ width: 140 }}>
            <DateInput value={from} allowClear={false} onChange={(v) => v && setFrom(v)} id="league-from" />
          </div>
          <span>至</span>
          <div style={{ width: 140 }}>
            <DateInput value={to} allowClear={false} onChange={(v) => v && setTo(v)} id="league-to" />
          </div>
          <Radio.Group
            optionType="button"
            value={grouping}
            onChange={(e) => setGrouping(e.target.value as LeagueGrouping)}
            options={leagueGroupings.map((g) => ({ value: g, label: leagueGroupingLabels[g] }))}
          />
          <Button
            icon={<FileExcelOutlined />}
            disabled={rows.value === undefined || workbookExport.exporting}
            onClick={() =>
              void workbookExport.run(
                (o) => exportLeague(api, list, { from, to, grouping, today, unit: settings?.officerUnit ?? '' }, o),
                (f) => `已导出部门红黄榜：${f}`,
              )
            }
          >
            导出红黄榜
          </Button>
        </Space>
      </Flex>
      <ExportProgressBar control={workbookExport} />
      <Card size="small">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          统计期间内提出的问题；按期答复率高者在前，其次会后逾期少、办结率高、满意率高。按期答复率 {RED_BOARD_FROM * 100}% 及以上且会议交办事项无逾期者上红榜；按期答复率低于 {YELLOW_BOARD_BELOW * 100}% 或会议交办事项有逾期者上黄榜。
        </Typography.Paragraph>
        <Table<LeagueRow>
          size="small"
          rowKey="name"
          aria-label="部门红黄榜"
          loading={rows.value === undefined || rows.stale}
          dataSource={list}
          pagination={false}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 64 },
            { title: grouping === 'department' ? '部门' : '区镇', dataIndex: 'name' },
            { title: '受理问题', dataIndex: 'received', align: 'right', width: 90 },
            { title: '按期答复', dataIndex: 'answeredOnTime', align: 'right', width: 90 },
            { title: '逾期', dataIndex: 'late', align: 'right', width: 70 },
            { title: '已办结', dataIndex: 'resolved', align: 'right', width: 80 },
            { title: '按期答复率', key: 'onTimeRate', align: 'right', width: 100, render: (_, r) => percent(r.onTimeRate) },
            { title: '满意率', key: 'satisfaction', align: 'right', width: 90, render: (_, r) => percent(r.satisfactionRate) },
            { title: '会议交办', dataIndex: 'decisions', align: 'right', width: 90 },
            { title: '会后逾期', dataIndex: 'overdueAfterDecision', align: 'right', width: 90 },
            {
              title: '榜单',
              key: 'board',
              width: 80,
              render: (_, r) => (r.board === '红榜' ? <Tag color="red">红榜</Tag> : r.board === '黄榜' ? <Tag color="gold">黄榜</Tag> : '—'),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
