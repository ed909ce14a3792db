// Placeholder until this screen is built.
import { Typography } from 'antd';

export function WorkbenchPage() {
  return <Typography.Title level={4}>工作台</Typography.Title>;
}
