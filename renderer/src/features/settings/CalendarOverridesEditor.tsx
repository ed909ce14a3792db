// Working-day overrides for a year the calendar package does not know yet: each date is marked
// 上班 (a make-up working day) or 休息 (a holiday). Stored as settings.calendarOverrides.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Radio, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';

export interface CalendarOverridesEditorProps {
  value?: Record<string, boolean>;
  onChange?: (next: Record<string, boolean>) => void;
}

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];

export function CalendarOverridesEditor({ value = {}, onChange }: CalendarOverridesEditorProps) {
  const [date, setDate] = useState<Dayjs | null>(null);
  const [worked, setWorked] = useState(false);
  const rows = Object.entries(value)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, isWorked]) => ({ day, isWorked }));

  function add() {
    if (!date) return;
    onChange?.({ ...value, [date.format('YYYY-MM-DD')]: worked });
    setDate(null);
  }

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker aria-label="调整日期" value={date} onChange={setDate} placeholder="选择日期" />
        <Radio.Group
          value={worked}
          onChange={(e) => setWorked(e.target.value as boolean)}
          options={[
            { value: false, label: '休息' },
            { value: true, label: '上班' },
          ]}
          optionType="button"
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!date}>
          添加调整
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="day"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '没有调整：按日历包的节假日安排计算工作日' }}
        columns={[
          {
            title: '日期',
            dataIndex: 'day',
            render: (day: string) => `${day}（星期${weekdays[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? ''}）`,
          },
          {
            title: '安排',
            dataIndex: 'isWorked',
            render: (isWorked: boolean) =>
              isWorked ? <Typography.Text type="warning">上班</Typography.Text> : <Typography.Text type="success">休息</Typography.Text>,
          },
          {
            title: '操作',
            key: 'remove',
            width: 90,
            render: (_: unknown, row: { day: string }) => (
              <Button
                type="text"
                danger
                size="small"
                icon={<DeleteOutlined />}
                aria-label={`删除 ${row.day} 的调整`}
                onClick={() => {
                  const next = { ...value };
                  delete next[row.day];
                  onChange?.(next);
                }}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
