// 设置 → 工作日调整: which years the working-day calendar knows (the package's, and the notices
// entered here), a warning when next year's notice is still missing, the year-schedule form, the
// schedule file the bureau sends round, and the single-day overrides. Every change saves at once.
import { CalendarOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { calendarKnowsYear, lastPackageYear } from '../../../../shared/calendar/workingDays';
import { confirmedYears, scheduleDays, yearScheduleFileText, type YearSchedule } from '../../../../shared/calendar/yearSchedule';
import type { Settings } from '../../../../shared/domain/records';
import { api } from '../../bridge/api';
import { updateSettings } from '../../db/settingsStore';
import { describeError } from '../../../../shared/errors/describeError';
import { today } from '../../../../shared/calendar/shanghaiDate';
import { CalendarOverridesEditor } from './CalendarOverridesEditor';
import { YearScheduleModal } from './YearScheduleModal';

/** The year whose notice the officer should make sure of now: next year from October on. */
export function yearToWatch(todayDate: string): number {
  const year = Number(todayDate.slice(0, 4));
  return Number(todayDate.slice(5, 7)) >= 10 ? year + 1 : year;
}

export function WorkingCalendarCard({ settings }: { settings: Settings }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ year: number; existing?: YearSchedule }>();
  const known = confirmedYears(settings.calendarYears);
  const watched = yearToWatch(today());
  const missing = calendarKnowsYear(watched, known) ? undefined : watched;
  const packageYear = lastPackageYear();
  const nextUnknown = (() => {
    let y = packageYear + 1;
    while (known.includes(y)) y += 1;
    return y;
  })();

  async function exportSchedule(schedule: YearSchedule) {
    try {
      const result = await api.saveFile({
        suggestedName: `节假日安排-${schedule.year}.json`,
        filters: [{ name: '放假安排', extensions: ['json'] }],
        data: new TextEncoder().encode(yearScheduleFileText(schedule)),
      });
      if (result.saved) message.success(`已导出 ${schedule.year} 年节假日安排，可发给其他电脑导入`);
    } catch (error) {
      message.error(`导出失败：${describeError(error)}`);
    }
  }

  // The entered notices' own days live in the overrides too (that is how they count), but they are
  // the notice's: the single-day list shows and edits only the days the officer set on their own.
  const noticeDays: Record<string, boolean> = Object.assign({}, ...settings.calendarYears.map((s) => scheduleDays(s)));
  const singleDays = Object.fromEntries(Object.entries(settings.calendarOverrides).filter(([day, worked]) => noticeDays[day] !== worked));

  async function saveOverrides(next: Record<string, boolean>) {
    try {
      await updateSettings({ calendarOverrides: { ...noticeDays, ...next } });
      message.success('逐日调整已保存');
    } catch (error) {
      message.error(`保存失败：${describeError(error)}`);
    }
  }

  return (
    <Card size="small" title="工作日调整（节假日安排）" style={{ marginBottom: 16 }}>
      {missing !== undefined && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`尚未录入 ${missing} 年节假日安排`}
          description={`答复期限落在 ${missing} 年的问题暂按周一至周五推算，标为“待确认”，照常保存。国务院办公厅发布 ${missing} 年放假通知后，请在此录入；录入后这些期限自动重新计算。`}
          action={
            <Button type="primary" icon={<CalendarOutlined />} onClick={() => setEditing({ year: missing })}>
              录入 {missing} 年安排
            </Button>
          }
        />
      )}
      <Typography.Paragraph type="secondary">
        日历包已收录 2004–{packageYear} 年的国务院节假日安排。之后的年份，需录入当年通知并确认完整后，才按节假日计算答复期限。
      </Typography.Paragraph>
      <Table<YearSchedule>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={settings.calendarYears}
        locale={{ emptyText: '尚未录入任何年份' }}
        columns={[
          { title: '年份', dataIndex: 'year', width: 80 },
          {
            title: '放假安排',
            key: 'holidays',
            render: (_, s) => s.holidays.map((h) => `${h.name} ${h.from.slice(5)}～${h.to.slice(5)}`).join('；'),
          },
          { title: '调休上班', key: 'workdays', width: 110, render: (_, s) => `${s.workdays.length} 天` },
          {
            title: '确认',
            key: 'confirmed',
            width: 170,
            render: (_, s) => `${s.confirmedBy} ${s.confirmedAt.slice(0, 10)}`,
          },
          { title: '来源', dataIndex: 'source', width: 120, ellipsis: true },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_, s) => (
              <Flex gap={4}>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ year: s.year, existing: s })}>
                  修改
                </Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportSchedule(s)} aria-label={`导出 ${s.year} 年安排`}>
                  导出
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <Flex gap={8} style={{ marginTop: 12 }}>
        <Button icon={<CalendarOutlined />} onClick={() => setEditing({ year: nextUnknown })}>
          录入 {nextUnknown} 年安排
        </Button>
      </Flex>
      <Collapse
        ghost
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'days',
            label: `逐日调整（${Object.keys(singleDays).length} 天）`,
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  单个日期的放假或上班调整（如本地临时安排）。逐日调整不会使该年视为已录入；录入整年安排时，该年的逐日调整由通知替换。
                </Typography.Paragraph>
                <CalendarOverridesEditor value={singleDays} onChange={(next) => void saveOverrides(next)} />
              </>
            ),
          },
        ]}
      />
      <YearScheduleModal
        open={editing !== undefined}
        year={editing?.year ?? nextUnknown}
        existing={editing?.existing}
        onClose={() => setEditing(undefined)}
      />
    </Card>
  );
}
