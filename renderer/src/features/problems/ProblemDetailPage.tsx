// Placeholder until this screen is built.
import { Typography } from 'antd';

export function ProblemDetailPage() {
  return <Typography.Title level={4}>问题详情</Typography.Title>;
}
