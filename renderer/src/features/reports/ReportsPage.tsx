// Placeholder until this screen is built.
import { Typography } from 'antd';

export function ReportsPage() {
  return <Typography.Title level={4}>报表导出</Typography.Title>;
}
