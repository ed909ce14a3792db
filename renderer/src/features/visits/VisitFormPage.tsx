// Placeholder until this screen is built.
import { Typography } from 'antd';

export function VisitFormPage() {
  return <Typography.Title level={4}>走访记录</Typography.Title>;
}
