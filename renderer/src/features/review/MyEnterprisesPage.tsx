// Placeholder until this screen is built.
import { Typography } from 'antd';

export function MyEnterprisesPage() {
  return <Typography.Title level={4}>我的联系企业</Typography.Title>;
}
