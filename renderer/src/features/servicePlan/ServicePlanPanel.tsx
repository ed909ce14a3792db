// 一企一策 (seed 004): the service plan of one enterprise — the needs found and the actions agreed,
// each with an owner and a due date. Mounted on the enterprise detail page.
import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, DatePicker, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ZodError } from 'zod';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { type PlanAction } from '../../../../shared/domain/records';
import { planActionState } from '../../../../shared/servicePlan/planActionState';
import { restorableFromRecycleBin } from '../../components/recordDeletion';
import {  useSettings } from '../../db/settingsStore';
import { describeError } from '../../../../shared/errors/describeError';
import { addPlanAction, deletePlanAction, enterprisePlanActions, markPlanActionDone, reopenPlanAction } from './servicePlanRepo';

interface FormValues {
  need: string;
  action: string;
  owner: string;
  dueDate: Dayjs;
}

const stateColor: Record<ReturnType<typeof planActionState>, string> = {
  已完成: 'green',
  已逾期: 'red',
  近期到期: 'gold',
  未到期: 'blue',
};

export function ServicePlanPanel({ enterpriseId }: { enterpriseId: string }) {
  const { message } = AntApp.useApp();
  const settings = useSettings();
  const actions = useLiveQuery(() => enterprisePlanActions(enterpriseId), [enterpriseId]);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const today = shanghaiDate();

  async function submit(values: FormValues) {
    try {
      await addPlanAction(
        enterpriseId,
        { need: values.need, action: values.action, owner: values.owner, dueDate: values.dueDate.format('YYYY-MM-DD') },
      );
      form.resetFields();
      setAdding(false);
      message.success('已添加服务措施');
    } catch (e) {
      message.error(e instanceof ZodError ? describeError(e) : `保存失败：${describeError(e)}`);
    }
  }

  async function run(task: () => Promise<void>) {
    try {
      await task();
    } catch (e) {
      message.error(describeError(e));
    }
  }

  return (
    <Card
      title="服务计划（一企一策）"
      size="small"
      extra={
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => {
            form.setFieldsValue({ owner: settings?.officerName ?? '' });
            setAdding(true);
          }}
        >
          新增措施
        </Button>
      }
    >
      {adding ? (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ marginBottom: 12 }}>
          <Form.Item name="need" label="企业需求" rules={[{ required: true, whitespace: true, message: '请填写发现的需求' }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item name="action" label="商定措施" rules={[{ required: true, whitespace: true, message: '请填写商定的措施' }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item name="owner" label="责任人" rules={[{ required: true, whitespace: true, message: '请填写责任人' }]}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="dueDate" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
          </Space>
          <Space>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
            <Button onClick={() => setAdding(false)}>取消</Button>
          </Space>
        </Form>
      ) : null}
      <Table<PlanAction>
        size="small"
        rowKey="id"
        aria-label="服务措施"
        loading={actions === undefined}
        dataSource={actions ?? []}
        pagination={false}
        locale={{ emptyText: '还没有服务措施' }}
        columns={[
          { title: '企业需求', dataIndex: 'need' },
          { title: '商定措施', dataIndex: 'action' },
          { title: '责任人', dataIndex: 'owner', width: 90 },
          { title: '完成时限', dataIndex: 'dueDate', width: 110 },
          {
            title: '状态',
            width: 130,
            render: (_, a) => {
              const state = planActionState(a, today);
              return <Tag color={stateColor[state]}>{state === '已完成' ? `已完成 ${a.doneDate}` : state}</Tag>;
            },
          },
          {
            title: '',
            width: 130,
            render: (_, a) => (
              <Space size={4}>
                {a.doneDate ? (
                  <Button size="small" type="link" onClick={() => void run(async () => reopenPlanAction(a.id))}>
                    重新打开
                  </Button>
                ) : (
                  <Button size="small" type="link" onClick={() => void run(async () => markPlanActionDone(a.id, today))}>
                    完成
                  </Button>
                )}
                <Popconfirm
                  title="删除这项措施？"
                  description="删除后可在回收站恢复。"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() =>
                    run(async () => {
                      await deletePlanAction(a.id);
                      message.success(`措施已删除（${restorableFromRecycleBin}）`);
                    })
                  }
                >
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
