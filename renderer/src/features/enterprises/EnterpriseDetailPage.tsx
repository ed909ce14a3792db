// Placeholder until this screen is built.
import { Typography } from 'antd';

export function EnterpriseDetailPage() {
  return <Typography.Title level={4}>企业详情</Typography.Title>;
}
