// 设置: who this laptop's officer is (name, unit, department), the device id that merges rely on,
// the reference lists, the town aliases, the working-day calendar, the bureau's key and the backups.
// Every change is saved as it is made (there is no 保存 button to forget): a field that fails its
// rule shows why and is not saved.
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Card, Col, Form, Input, InputNumber, Row, Select, Spin, Typography, type FormInstance } from 'antd';
import { DEFAULT_LIGHT_LATE_DAYS } from '../../../../shared/meetings/supervisionLight';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../../shared/domain/records';
import { defaultDepartments } from '../../../../shared/reference/departments';
import { defaultProblemCategories } from '../../../../shared/reference/problemCategories';
import { defaultTowns } from '../../../../shared/reference/towns';
import { defaultVisitTypes } from '../../../../shared/reference/visitTypes';
import { loadSettings, updateSettings, useSettings } from '../../db/settingsStore';
import { describeError } from '../../../../shared/errors/describeError';
import { AppLockCard } from './AppLockCard';
import { BackupCard } from './BackupCard';
import { ExchangeSettingsCard } from './ExchangeSettingsCard';
import { LocalDataCard } from './LocalDataCard';
import { TagListEditor } from './TagListEditor';
import { TownAliasEditor } from './TownAliasEditor';
import { WorkingCalendarCard } from './WorkingCalendarCard';
import { SyncPanel } from '../sync/SyncPanel';

type SettingsFormValues = Omit<Settings, 'deviceId' | 'calendarOverrides' | 'calendarYears'>;

/** Typing in a text field is saved this long after the last key (and at once when the field is left). */
const SAVE_DELAY_MS = 400;

const nonEmptyList = (label: string) => ({
  validator: async (_rule: unknown, value: string[] | undefined) => {
    if (!value || value.length === 0) throw new Error(`${label}不能为空，请至少保留一项`);
  },
});

export function SettingsPage() {
  const [initial, setInitial] = useState<Settings>();
  useEffect(() => {
    let cancelled = false;
    void loadSettings().then((s) => {
      if (!cancelled) setInitial(s);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (!initial) return <Spin style={{ margin: 48 }} />;
  return <SettingsForm initial={initial} />;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'failed'; text: string };

function SaveStatus({ state }: { state: SaveState }) {
  switch (state.kind) {
    case 'idle':
      return <Typography.Text type="secondary">更改会自动保存</Typography.Text>;
    case 'saving':
      return (
        <Typography.Text type="secondary">
          <LoadingOutlined /> 正在保存…
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success">
          <CheckCircleOutlined /> 已自动保存（{state.at}）
        </Typography.Text>
      );
    case 'invalid':
    case 'failed':
      return (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> {state.text}
        </Typography.Text>
      );
  }
}

/**
 * Saves each changed field over the stored settings (updateSettings reads and writes in one
 * transaction, so the calendar card's own saves are never overwritten by a stale copy).
 */
function useAutosave(form: FormInstance<SettingsFormValues>) {
  const pending = useRef<Partial<SettingsFormValues>>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length === 0) return;
    setState({ kind: 'saving' });
    try {
      await updateSettings(patch);
      setState({ kind: 'saved', at: new Date().toLocaleTimeString('zh-CN', { hour12: false }) });
    } catch (error) {
      // Kept for the next try: what was typed is still on the page and still pending.
      pending.current = { ...patch, ...pending.current };
      setState({ kind: 'failed', text: `未能保存：${describeError(error)}` });
    }
  }, []);

  const changed = useCallback(
    async (names: (keyof SettingsFormValues)[], immediately: boolean) => {
      const errors = await fieldErrors(form, names);
      if (errors.length > 0) {
        setState({ kind: 'invalid', text: `未保存：${errors[0]}` });
        for (const name of names) delete pending.current[name];
        return;
      }
      for (const name of names) pending.current = { ...pending.current, [name]: form.getFieldValue(name) as unknown };
      clearTimeout(timer.current);
      if (immediately) void flush();
      else timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, form],
  );

  // Leaving the page (or closing the window) saves what is still waiting for its delay.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return { state, changed, flush };
}

/**
 * The rule messages of these fields now. antd rejects a validation that a newer change overtook
 * with no messages at all ("out of date"); that one is run again rather than taken as a failure.
 */
async function fieldErrors(form: FormInstance<SettingsFormValues>, names: (keyof SettingsFormValues)[]): Promise<string[]> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await form.validateFields(names);
      return [];
    } catch (failed) {
      const messages = ((failed as { errorFields?: { errors: string[] }[] }).errorFields ?? []).flatMap((f) => f.errors);
      if (messages.length > 0) return messages;
    }
  }
  return [];
}

const textFields = new Set<string>(['officerName', 'officerUnit']);

function SettingsForm({ initial }: { initial: Settings }) {
  const [form] = Form.useForm<SettingsFormValues>();
  const live = useSettings() ?? initial;
  const { state, changed, flush } = useAutosave(form);
  const departments = Form.useWatch('departments', form) ?? initial.departments;

  return (
    <div style={{ maxWidth: 1000 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        设置
        <span style={{ fontSize: 14, fontWeight: 'normal', marginLeft: 12 }} role="status" aria-label="保存状态">
          <SaveStatus state={state} />
        </span>
      </Typography.Title>
      <Form<SettingsFormValues>
        form={form}
        layout="vertical"
        aria-label="设置"
        initialValues={initial}
        onValuesChange={(changedValues: Partial<SettingsFormValues>) => {
          const names = Object.keys(changedValues) as (keyof SettingsFormValues)[];
          void changed(names, !names.some((name) => textFields.has(name)));
        }}
        // Enter in a field saves what is waiting, and says only what really happened.
        onFinish={() => void flush()}
        onBlur={() => void flush()}
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

        {/* 亮灯督办 (issue 16): how late an item may be and still show yellow. */}
        <Card size="small" title="亮灯督办" style={{ marginBottom: 16 }}>
          <Form.Item
            label="逾期几个工作日以内亮黄灯"
            name="lightLateDays"
            initialValue={DEFAULT_LIGHT_LATE_DAYS}
            extra="期限前两个工作日内亮黄灯；逾期超过这个工作日数亮红灯，未到期且不临近亮绿灯"
            rules={[{ required: true, message: '请填写 0–30 的工作日数' }]}
          >
            <InputNumber min={0} max={30} precision={0} addonAfter="个工作日" style={{ width: 200 }} />
          </Form.Item>
        </Card>


      </Form>
      <WorkingCalendarCard settings={live} />
      <ExchangeSettingsCard settings={live} />
      {/* The laptop's link to the bureau hub: the same panel as 数据交换 → 同步. */}
      <Card size="small" title="同步服务器" style={{ marginBottom: 16 }}>
        <SyncPanel />
      </Card>
      <BackupCard />
      <LocalDataCard />
      <AppLockCard settings={live} />
    </div>
  );
}
