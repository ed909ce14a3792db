// 设置: who this laptop's officer is (name, unit, department), the device id that merges rely on,
// the reference lists, and the working-day overrides.
import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Row, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/domain/records';
import { defaultDepartments } from '../../../../shared/reference/departments';
import { defaultProblemCategories } from '../../../../shared/reference/problemCategories';
import { defaultTowns } from '../../../../shared/reference/towns';
import { defaultVisitTypes } from '../../../../shared/reference/visitTypes';
import { loadSettings, saveSettings } from '../../db/settingsStore';
import { describeError } from '../../db/storageErrors';
import { CalendarOverridesEditor } from './CalendarOverridesEditor';
import { LocalDataCard } from './LocalDataCard';
import { TagListEditor } from './TagListEditor';
import { TownAliasEditor } from './TownAliasEditor';

type SettingsFormValues = Omit<Settings, 'deviceId'>;

const nonEmptyList = (label: string) => ({
  validator: async (_rule: unknown, value: string[] | undefined) => {
    if (!value || value.length === 0) throw new Error(`${label}不能为空，请至少保留一项`);
  },
});

export function SettingsPage() {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let cancelled = false;
    void loadSettings().then((s) => {
      if (!cancelled) setSettings(s);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (!settings) return <Spin style={{ margin: 48 }} />;
  return <SettingsForm initial={settings} onSaved={setSettings} />;
}

function SettingsForm({ initial, onSaved }: { initial: Settings; onSaved: (s: Settings) => void }) {
  const [form] = Form.useForm<SettingsFormValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const departments = Form.useWatch('departments', form) ?? initial.departments;

  async function submit(values: SettingsFormValues) {
    setSaving(true);
    try {
      const next: Settings = { ...initial, ...values, deviceId: initial.deviceId };
      await saveSettings(next);
      onSaved(next);
      message.success('设置已保存');
    } catch (error) {
      message.error(`保存失败：${describeError(error)}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ maxWidth: 1000 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        设置
      </Typography.Title>
      <Form<SettingsFormValues>
        form={form}
        layout="vertical"
        aria-label="设置"
        initialValues={initial}
        onFinish={(values) => void submit(values)}
        onFinishFailed={() => message.error('请先修正标红的项目')}
      >
        <Card size="small" title="本机使用人" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="姓名" name="officerName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                <Input autoFocus maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="单位" name="officerUnit">
                <Input maxLength={60} placeholder="例如 吴江区商务局" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="所在部门" name="officerDepartment" tooltip="本部门办理的问题默认由该部门负责">
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={departments.map((d) => ({ value: d, label: d }))} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="设备标识" tooltip="合并多台电脑的数据时用来区分来源，不可修改">
                <Typography.Text copyable={{ text: initial.deviceId, tooltips: ['复制', '已复制'] }} code aria-label="设备标识">
                  {initial.deviceId}
                </Typography.Text>
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title="基础名录" style={{ marginBottom: 16 }}>
          <Form.Item label="区镇" name="towns" rules={[nonEmptyList('区镇')]}>
            <TagListEditor label="区镇" defaults={defaultTowns} />
          </Form.Item>
          <Form.Item label="部门" name="departments" rules={[nonEmptyList('部门')]}>
            <TagListEditor label="部门" defaults={defaultDepartments} />
          </Form.Item>
          <Form.Item label="问题类别" name="categories" rules={[nonEmptyList('问题类别')]}>
            <TagListEditor label="问题类别" defaults={defaultProblemCategories} />
          </Form.Item>
          <Form.Item label="走访类型" name="visitTypes" rules={[nonEmptyList('走访类型')]}>
            <TagListEditor label="走访类型" defaults={defaultVisitTypes} />
          </Form.Item>
        </Card>

        <Card size="small" title="区镇别名" style={{ marginBottom: 16 }}>
          <Form.Item name="townAliases" noStyle>
            <TownAliasEditor />
          </Form.Item>
        </Card>

        <Card size="small" title="工作日调整" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            日历包尚未收录某年的放假安排时，在这里按国务院办公厅通知逐日添加：休息日或调休上班日。答复期限按此计算。
          </Typography.Paragraph>
          <Form.Item name="calendarOverrides" noStyle>
            <CalendarOverridesEditor />
          </Form.Item>
        </Card>

        <LocalDataCard />

        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
          保存设置
        </Button>
      </Form>
    </div>
  );
}
