// Placeholder until this screen is built.
import { Typography } from 'antd';

export function SettingsPage() {
  return <Typography.Title level={4}>设置</Typography.Title>;
}
