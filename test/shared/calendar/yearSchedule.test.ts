import { describe, expect, it } from 'vitest';
import { isWorkingDay, addCalendarDays } from '../../../shared/calendar/workingDays';
import {
  checkYearSchedule,
  missingStatutoryHolidays,
  overridesWithSchedule,
  parseNoticeText,
  readYearScheduleFile,
  scheduleDays,
  yearScheduleFileText,
  type YearSchedule,
} from '../../../shared/calendar/yearSchedule';

// The 2026 notice as published (国办发明电〔2025〕7号), pasted the way an officer copies it from the
// government website: the calendar package holds the same year, so the two can be compared day by day.
const notice2026 = `国务院办公厅关于2026年部分节假日安排的通知
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

const schedule = (over: Partial<YearSchedule> = {}): YearSchedule => ({
  year: 2027,
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  workdays: [],
  confirmedBy: '张敏',
  confirmedAt: '2026-12-20T02:00:00.000Z',
  source: '手工录入',
  ...over,
});

describe('reading a notice pasted from the website', () => {
  it('reads all seven holidays and the make-up days of the 2026 notice, agreeing with the package on every day', () => {
    const read = parseNoticeText(notice2026, 2026);
    expect(read.unreadLines).toEqual([]);
    expect(read.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(read.holidays[1]).toEqual({ name: '春节', from: '2026-02-15', to: '2026-02-23' });
    expect(read.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(checkYearSchedule({ year: 2026, ...read })).toEqual([]);
    const days = scheduleDays(read);
    const disagreements: string[] = [];
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
      // With only the notice's days as overrides, a weekday rule must give what the package says.
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      const fromNotice = days[d] ?? (weekday !== 0 && weekday !== 6);
      if (fromNotice !== isWorkingDay(d)) disagreements.push(d);
    }
    expect(disagreements).toEqual([]);
  });

  it('keeps a line it cannot read instead of dropping it, and puts a December 元旦 day in the year before', () => {
    const read = parseNoticeText('一、元旦：12月31日（周五）至1月2日（周日）放假，共3天。\n二、春节：见另行通知2月1日', 2027);
    expect(read.holidays).toEqual([{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }]);
    expect(read.unreadLines).toEqual(['二、春节：见另行通知2月1日']);
  });
});

describe('checking a schedule before it is saved', () => {
  it('names the row of each fault', () => {
    const issues = checkYearSchedule({
      year: 2027,
      holidays: [
        { name: '春节', from: '2027-02-10', to: '2027-02-06' },
        { name: '', from: '2027-05-01', to: '2027-05-05' },
        { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
        { name: '中秋节', from: '2027-10-06', to: '2027-10-08' },
        { name: '端午节', from: '2028-06-09', to: '2028-06-11' },
      ],
      workdays: ['2027-05-03', '2027-02-29', '2027-09-26', '2027-09-26', '2027-10-04'],
    });
    const messages = issues.map((i) => `${i.field} ${i.message}`);
    expect(messages).toEqual([
      'holidays.0.to 第 1 个节日（春节）：结束日期 2027-02-06 早于起始日期 2027-02-10',
      'holidays.1.name 第 2 个节日：请填写节日名称',
      'holidays.3.from 第 4 个节日（中秋节）：与第 3 个节日在 2027-10-06 重叠',
      'holidays.4.from 第 5 个节日（端午节）：2028-06-09 至 2028-06-11 不在 2027 年',
      'workdays.0 第 1 个调休上班日：2027-05-03 同时在第 2 个节日的放假日期内',
      'workdays.1 第 2 个调休上班日：日期“2027-02-29”无效，应为 YYYY-MM-DD',
      'workdays.3 第 4 个调休上班日：2027-09-26 重复',
      'workdays.4 第 5 个调休上班日：2027-10-04 同时在第 3 个节日的放假日期内',
    ]);
  });
  it('refuses a make-up day that is already a working day, and an empty notice', () => {
    expect(checkYearSchedule({ year: 2027, holidays: [], workdays: [] })[0]?.message).toContain('请至少填写一个放假安排');
    expect(
      checkYearSchedule(schedule({ workdays: ['2027-01-05'] })).map((i) => i.message),
    ).toEqual(['第 1 个调休上班日：2027-01-05 是星期二，本来就上班；调休上班日应为周六或周日']);
  });
});

describe('the schedule as day overrides', () => {
  it('replaces the year\'s earlier single days and keeps other years\'', () => {
    const next = overridesWithSchedule(
      { '2027-01-01': false, '2027-03-01': false, '2028-01-01': false },
      schedule({ workdays: ['2027-01-09'] }),
    );
    expect(next).toEqual({ '2027-01-01': false, '2027-01-02': false, '2027-01-03': false, '2027-01-09': true, '2028-01-01': false });
  });
});

describe('schedule files the bureau sends round', () => {
  it('reads back the JSON it writes, and refuses another year or a foreign JSON', () => {
    const text = yearScheduleFileText(schedule({ workdays: ['2027-01-09'] }));
    expect(readYearScheduleFile(text, 2027)).toEqual({
      ok: true,
      schedule: { year: 2027, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], workdays: ['2027-01-09'] },
    });
    expect(readYearScheduleFile(text, 2028)).toEqual({ ok: false, message: '文件中是 2027 年的放假安排，不是 2028 年' });
    expect(readYearScheduleFile('{"a":1}', 2027).ok).toBe(false);
    expect(readYearScheduleFile('{oops', 2027)).toEqual({ ok: false, message: 'JSON 文件格式错误，无法读取' });
    expect(readYearScheduleFile('hello', 2027).ok).toBe(false);
    expect(readYearScheduleFile('x'.repeat(600_000), 2027)).toEqual({ ok: false, message: '文件过大（超过 512 KB），不是放假安排文件' });
  });

  it('reads an .ics holiday calendar: day-by-day events merge into ranges, 补班 events are make-up days, other years are left out', () => {
    const event = (start: string, end: string, summary: string) =>
      ['BEGIN:VEVENT', `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`, `SUMMARY:${summary}`, 'END:VEVENT'].join('\r\n');
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      event('20261001', '20261008', '国庆节 假期'),
      event('20270101', '20270102', '元旦 第1天/共3天'),
      event('20270102', '20270103', '元旦 第2天/共3天'),
      event('20270103', '20270104', '元旦 第3天/共3天'),
      event('20270206', '20270207', '春节 补班'),
      event('20270210', '20270217', '春节 假期'),
      'END:VCALENDAR',
    ].join('\r\n');
    expect(readYearScheduleFile(ics, 2027)).toEqual({
      ok: true,
      schedule: {
        year: 2027,
        holidays: [
          { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
          { name: '春节', from: '2027-02-10', to: '2027-02-16' },
        ],
        workdays: ['2027-02-06'],
      },
    });
    expect(readYearScheduleFile(ics, 2030)).toEqual({ ok: false, message: '日历文件中没有 2030 年的节假日' });
  });
});

describe('a notice pasted in part', () => {
  it('names the statutory holidays it lacks, whatever the notice calls them', () => {
    const read = parseNoticeText(notice2026, 2026);
    expect(missingStatutoryHolidays(read.holidays)).toEqual([]);
    expect(missingStatutoryHolidays([{ name: '元旦' }, { name: '春节' }, { name: '国庆' }])).toEqual(['清明节', '劳动节', '端午节', '中秋节']);
  });
});
