// Placeholder until this screen is built.
import { Typography } from 'antd';

export function ProblemListPage() {
  return <Typography.Title level={4}>问题诉求</Typography.Title>;
}
