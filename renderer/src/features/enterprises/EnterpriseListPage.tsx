// Placeholder until this screen is built.
import { Typography } from 'antd';

export function EnterpriseListPage() {
  return <Typography.Title level={4}>企业名录</Typography.Title>;
}
