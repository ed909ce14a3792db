// 设置 → 启动密码: the optional app lock (shared/security/appLock.ts). Setting, changing and removing
// it asks for the passcode (twice when new; the current one to change or remove), so a passer-by at
// an unlocked laptop cannot turn it off. Also says plainly what the lock does not do.
import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../../shared/errors/describeError';
import type { Settings } from '../../../../shared/domain/records';
import { checkPasscode, createAppLock, idleMinuteChoices, passcodeRefusal } from '../../../../shared/security/appLock';
import { updateSettings } from '../../db/settingsStore';

interface LockForm {
  current?: string;
  passcode?: string;
  repeated?: string;
  idleMinutes: number;
}

const idleOptions = [
  { value: 0, label: '仅在启动时' },
  ...idleMinuteChoices.map((m) => ({ value: m, label: `闲置 ${m} 分钟后` })),
];

export function AppLockCard({ settings }: { settings: Settings }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<LockForm>();
  const [busy, setBusy] = useState(false);
  const lock = settings.appLock;

  async function save(values: LockForm, remove = false) {
    setBusy(true);
    try {
      if (lock && !(await checkPasscode(lock, values.current ?? ''))) {
        form.setFields([{ name: 'current', errors: ['当前密码不正确'] }]);
        return;
      }
      if (remove) {
        await updateSettings({ appLock: undefined });
        message.success('已取消启动密码');
      } else if (values.passcode || !lock) {
        const refusal = passcodeRefusal(values.passcode ?? '', values.repeated ?? '');
        if (refusal) {
          form.setFields([{ name: refusal.includes('不一致') ? 'repeated' : 'passcode', errors: [refusal] }]);
          return;
        }
        await updateSettings({ appLock: await createAppLock(values.passcode!, values.idleMinutes) });
        message.success(lock ? '启动密码已修改' : '已设置启动密码：下次启动时需要输入');
      } else {
        await updateSettings({ appLock: { ...lock, idleMinutes: values.idleMinutes } });
        message.success('自动锁定时间已保存');
      }
      form.resetFields(['current', 'passcode', 'repeated']);
    } catch (e) {
      message.error(`未能保存：${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title="启动密码" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        设置后，启动本软件和闲置一段时间后需要输入密码。它防止他人在无人看管时翻看本机记录；本机数据的保密依靠局里要求开启的磁盘加密（BitLocker 等），本软件无法检测磁盘是否已加密。
        {lock ? ' 当前：已设置。' : ' 当前：未设置。'}
      </Typography.Paragraph>
      <Form<LockForm>
        form={form}
        layout="vertical"
        initialValues={{ idleMinutes: lock?.idleMinutes ?? 10 }}
        onFinish={(values) => void save(values)}
        style={{ maxWidth: 420 }}
      >
        {lock ? (
          <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        ) : null}
        <Form.Item name="passcode" label={lock ? '新密码（不改则留空）' : '新密码'} rules={lock ? [] : [{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="repeated" label="再次输入新密码">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="idleMinutes" label="自动锁定">
          <Select options={idleOptions} style={{ width: 200 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {lock ? '保存' : '设置启动密码'}
          </Button>
          {lock ? (
            <Button danger disabled={busy} onClick={() => void form.validateFields(['current']).then((v) => save({ ...v, idleMinutes: lock.idleMinutes }, true))}>
              取消启动密码
            </Button>
          ) : null}
        </Space>
      </Form>
      {lock ? null : (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          message="忘记密码时无法找回，只能用备份替换本机数据。设置前请先做一次备份。"
        />
      )}
    </Card>
  );
}
