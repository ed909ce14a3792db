// 数据交换 → 同步: link this laptop to the bureau hub with the address and the one-time 登记码 the
// administrator gave (the 设备编号 shown here is what they register), then sync on demand — with
// progress — or in the background every few minutes while the app is open (BackgroundSync.tsx). Offline,
// the laptop simply waits: the status line says when it last reached the hub and what is waiting.
// Conflicts land on the same 冲突处理 as a package's.
import { Alert, App, Button, Descriptions, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { describeError } from '../../../../shared/errors/describeError';
import { useStoreValue } from '../../components/valueStore';
import { useLiveData } from '../../components/useLiveData';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { useSettings } from '../../db/settingsStore';
import { enrolWithHub, hubStatus, isOffline, leaveHub, type SyncProgress } from './hubSyncRepo';
import { backgroundSyncMinutes, runningSync, runSync } from './syncRunner';

const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const when = (iso: string) => timeFormat.format(new Date(iso));

function progressText(p: SyncProgress): string {
  return p.phase === 'push' ? `正在上传 ${p.done}${p.total !== undefined ? ` / ${p.total}` : ''} 条…` : `正在下载，已收到 ${p.done} 条…`;
}

export function SyncPanel() {
  const { message } = App.useApp();
  const settings = useSettings();
  const status = useLiveData(() => hubStatus(), ['hub-status']).value;
  const progress = useStoreValue(runningSync);
  const [form] = Form.useForm<{ url: string; code: string }>();
  const { save, saving, errorAlert } = useRuleFormSave(form);

  const syncNow = async () => {
    try {
      const summary = await runSync();
      if (summary) message.success(`同步完成：上传 ${summary.pushed} 条，下载 ${summary.pulled} 条${summary.conflicts ? `，${summary.conflicts} 处冲突待处理` : ''}`);
    } catch (error) {
      message.error(isOffline(error) ? `${describeError(error)}本机会在能连上时自动重试。` : `同步失败：${describeError(error)}`);
    }
  };

  if (!status) return null;
  if (!status.link) {
    return (
      <Flex vertical gap={12} style={{ maxWidth: 640 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          区商务局内网有同步服务器时，本机可与它自动同步走访、问题、附件等记录。请把下面的设备编号告诉管理员，由管理员登记后提供一次性登记码。
        </Typography.Paragraph>
        <Descriptions size="small" column={1} items={[{ key: 'device', label: '本机设备编号', children: <Typography.Text copyable>{settings?.deviceId ?? ''}</Typography.Text> }]} />
        {errorAlert}
        <Form
          form={form}
          layout="vertical"
          onFinish={() =>
            void save(async ({ url, code }) => {
              await enrolWithHub(url, code);
              message.success('本机已登记到同步服务器，正在进行首次同步');
              void syncNow();
            })
          }
        >
          <Form.Item name="url" label="同步服务器地址" rules={[{ required: true, whitespace: true, message: '请填写同步服务器地址' }]}>
            <Input placeholder="如 https://hub.swj.local:8787" autoComplete="off" />
          </Form.Item>
          <Form.Item name="code" label="登记码" rules={[{ required: true, whitespace: true, message: '请填写管理员提供的登记码' }]}>
            <Input placeholder="如 ABCD-EFGH-JKLM" autoComplete="off" style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            登记本机
          </Button>
        </Form>
      </Flex>
    );
  }

  const last = status.last;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      {last && !last.ok ? (
        <Alert
          type="warning"
          showIcon
          title={`${when(last.at)} 同步未完成：${last.message}`}
          description="已上传、已下载的部分都已保存；下次同步从中断处继续。"
        />
      ) : null}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'url', label: '同步服务器', children: status.link.url },
          { key: 'enrolled', label: '登记时间', children: when(status.link.enrolledAt) },
          {
            key: 'last',
            label: '上次同步',
            children: last?.ok ? `${when(last.at)}（上传 ${last.pushed} 条，下载 ${last.pulled} 条）` : last ? '未完成（见上）' : '尚未同步',
          },
          { key: 'pending', label: '待上传', children: `${status.pending} 条记录` },
        ]}
      />
      <Flex gap={8} align="center" wrap>
        <Button type="primary" loading={progress !== null} onClick={() => void syncNow()}>
          立即同步
        </Button>
        {progress ? <Typography.Text type="secondary">{progressText(progress)}</Typography.Text> : null}
        <Link to="/exchange/conflicts">冲突处理</Link>
        <Popconfirm
          title="断开与同步服务器的连接？"
          description="本机记录不受影响；重新连接需要管理员提供新的登记码。"
          okText="断开"
          cancelText="取消"
          onConfirm={() => void leaveHub().then(() => message.success('已断开同步'))}
        >
          <Button danger disabled={progress !== null}>
            断开同步
          </Button>
        </Popconfirm>
      </Flex>
      <Typography.Text type="secondary">应用打开期间每 {backgroundSyncMinutes} 分钟自动同步一次；没有网络时会等到能连上时再同步。</Typography.Text>
    </Flex>
  );
}
