// The 首问负责制 figures wherever problems are counted: on time, late, overdue, late transfers, and
// the complaint closure rate (投诉结案率, seed 002) beside them.
import { Flex, Typography } from 'antd';
import { formatClosureRate, type ProblemCounts } from '../../../../shared/problems/problemStats';

/** One figure of the counts bar; a labelled group so screen readers and tests can find it. */
function Figure({ label, value, tone }: { label: string; value: string | number; tone?: 'danger' | 'warning' | 'success' }) {
  return (
    <div role="group" aria-label={label} style={{ minWidth: 84 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      <Typography.Text strong type={tone} style={{ fontSize: 20 }}>
        {value}
      </Typography.Text>
    </div>
  );
}

/** `stale`: the figures are the last ones seen for this view while the fresh count runs. */
export function ProblemCountsBar({ counts, stale = false }: { counts: ProblemCounts | undefined; stale?: boolean }) {
  const show = (n: number | undefined) => (n === undefined ? '…' : n);
  return (
    <Flex gap={24} wrap style={{ padding: '12px 16px', background: '#fafafa', borderRadius: 4, marginBottom: 12 }}>
      <Figure label="问题总数" value={show(counts?.total)} />
      <Figure label="按期答复" value={show(counts?.answeredOnTime)} tone="success" />
      <Figure label="逾期答复" value={show(counts?.answeredLate)} tone="warning" />
      <Figure label="未答复" value={show(counts?.unanswered)} />
      <Figure label="已逾期" value={show(counts?.overdue)} tone="danger" />
      <Figure label="转办超时" value={show(counts?.transferLate)} tone="warning" />
      <Figure label="投诉" value={show(counts?.complaints)} />
      <Figure label="投诉已办结" value={show(counts?.complaintsClosed)} />
      <Figure label="投诉结案率" value={counts ? formatClosureRate(counts.complaintClosureRate) : '…'} />
      {stale && (
        <Typography.Text type="secondary" role="status" style={{ alignSelf: 'flex-end', fontSize: 12 }}>
          正在更新统计…
        </Typography.Text>
      )}
    </Flex>
  );
}
