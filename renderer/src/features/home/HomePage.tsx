// Placeholder until this screen is built.
import { Typography } from 'antd';

export function HomePage() {
  return <Typography.Title level={4}>首页</Typography.Title>;
}
