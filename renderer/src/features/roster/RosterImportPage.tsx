// Placeholder until this screen is built.
import { Typography } from 'antd';

export function RosterImportPage() {
  return <Typography.Title level={4}>名单导入</Typography.Title>;
}
