// The frame around every screen: the side menu (keyboard reachable) and the page outlet.
import {
  AlertOutlined,
  DeleteOutlined,
  BarChartOutlined,
  FileExcelOutlined,
  HomeOutlined,
  ImportOutlined,
  LikeOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  RiseOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageErrorBoundary } from './PageErrorBoundary';

const menuItems = [
  { key: '/', icon: <HomeOutlined />, label: '首页' },
  { key: '/enterprises', icon: <ShopOutlined />, label: '企业名录' },
  { key: '/problems', icon: <AlertOutlined />, label: '问题诉求' },
  { key: '/meetings', icon: <ScheduleOutlined />, label: '会议督办' },
  { key: '/review', icon: <TeamOutlined />, label: '我的联系企业' },
  { key: '/activities', icon: <NotificationOutlined />, label: '集体活动' },
  { key: '/projects', icon: <ProjectOutlined />, label: '重点项目' },
  { key: '/workbench', icon: <BarChartOutlined />, label: '工作台' },
  { key: '/operations', icon: <LineChartOutlined />, label: '经营监测' },
  { key: '/cultivation', icon: <RiseOutlined />, label: '培育库' },
  { key: '/ratings', icon: <LikeOutlined />, label: '评议评选' },
  { key: '/roster/import', icon: <ImportOutlined />, label: '名单导入' },
  { key: '/reports', icon: <FileExcelOutlined />, label: '报表导出' },
  { key: '/exchange', icon: <SwapOutlined />, label: '数据交换' },
  { key: '/settings', icon: <SettingOutlined />, label: '设置' },
  { key: '/recycle-bin', icon: <DeleteOutlined />, label: '回收站' },
];

function selectedKey(pathname: string): string {
  // A visit is recorded from an enterprise, so its form belongs under 企业名录.
  if (pathname.startsWith('/visits')) return '/enterprises';
  const match = menuItems
    .map((item) => item.key)
    .filter((key) => key !== '/' && pathname.startsWith(key))
    .sort((a, b) => b.length - a.length)[0];
  return match ?? '/';
}

export function AppLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  return (
    // The menu stays in place while the page scrolls: only the content area scrolls.
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={188} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
        <Typography.Title level={5} style={{ padding: '16px 16px 8px', margin: 0 }}>
          企业走访台账
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          items={menuItems}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout.Content style={{ padding: 20, overflow: 'auto', background: '#fff' }}>
        <PageErrorBoundary key={location.pathname}>
          {/* A screen opened for the first time loads its chunk: a spinner in the content area, the frame stays. */}
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} aria-label="正在打开" />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}
