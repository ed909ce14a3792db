// The home page's 亮灯督办: how many meeting decisions still open are red, yellow and green today, the
// red ones named, and a link to 会议督办. Reads the open decisions by their sparse index (a few dozen
// at a bureau); shows nothing when no decision is open.
import { Card, Flex, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Settings } from '../../../../shared/domain/records';
import { lightLateDaysOf, lightOf, type SupervisionLight } from '../../../../shared/meetings/supervisionLight';
import { useLiveData } from '../../components/useLiveData';
import { openDecisionRows } from './meetingsRepo';

export function SupervisionSummary({ settings, today }: { settings: Settings | undefined; today: string }) {
  const open = useLiveData(() => openDecisionRows(), ['open-decisions']);
  if (!settings || !open.value || open.value.length === 0) return null;
  const at = { today, lateDays: lightLateDaysOf(settings), overrides: settings.calendarOverrides };
  const lit = open.value.map((r) => ({ ...r, light: lightOf(r.deadline, at) }));
  const count = (light: SupervisionLight) => lit.filter((r) => r.light === light).length;
  const red = lit.filter((r) => r.light === 'red').sort((a, b) => a.deadline.localeCompare(b.deadline));
  return (
    <Card size="small" title="亮灯督办：会议交办事项" aria-label="亮灯督办" extra={<Link to="/meetings">会议督办</Link>}>
      <Flex gap={32} wrap align="center">
        <Statistic title="红灯" value={count('red')} valueStyle={{ color: '#cf1322' }} />
        <Statistic title="黄灯" value={count('yellow')} valueStyle={{ color: '#d48806' }} />
        <Statistic title="绿灯" value={count('green')} valueStyle={{ color: '#389e0d' }} />
        {red.length > 0 && (
          <Space direction="vertical" size={0}>
            {red.slice(0, 5).map((r) => (
              <Typography.Text key={r.problemId}>
                <Link to={`/problems/${r.problemId}`}>{r.enterpriseName}</Link>：{r.department}，期限 {r.deadline}
              </Typography.Text>
            ))}
            {red.length > 5 && <Typography.Text type="secondary">等 {red.length} 项</Typography.Text>}
          </Space>
        )}
      </Flex>
    </Card>
  );
}
