// Twelve small months of a year as its notice makes them: holidays marked 休, make-up working days
// 班, weekends grey. The officer checks the entered notice against this before confirming it.
import { Typography } from 'antd';
import { scheduleDays, type HolidayRange } from '../../../../shared/calendar/yearSchedule';

const weekdayHeads = ['一', '二', '三', '四', '五', '六', '日'];

export function YearCalendarPreview({ year, holidays, workdays }: { year: number; holidays: HolidayRange[]; workdays: string[] }) {
  const days = scheduleDays({ holidays, workdays });
  const offCount = Object.values(days).filter((worked) => !worked).length;
  return (
    <div>
      <div className="year-preview" aria-label={`${year} 年月历`}>
        {Array.from({ length: 12 }, (_, m) => (
          <MonthGrid key={m} year={year} month={m + 1} days={days} />
        ))}
      </div>
      <Typography.Text type="secondary">
        <span className="year-preview-day off">休</span> 放假 {offCount} 天  <span className="year-preview-day worked">班</span> 调休上班{' '}
        {workdays.length} 天  周末为灰色
      </Typography.Text>
    </div>
  );
}

function MonthGrid({ year, month, days }: { year: number; month: number; days: Record<string, boolean> }) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first, as Chinese calendars print
  const cells: (number | undefined)[] = [...Array.from({ length: lead }, () => undefined), ...Array.from({ length }, (_, i) => i + 1)];
  return (
    <div className="year-preview-month" aria-label={`${month} 月`}>
      <div className="year-preview-title">{month} 月</div>
      <div className="year-preview-grid">
        {weekdayHeads.map((d) => (
          <span key={d} className="year-preview-head">
            {d}
          </span>
        ))}
        {cells.map((day, i) => {
          if (day === undefined) return <span key={`lead-${i}`} />;
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const weekend = (lead + day - 1) % 7 >= 5;
          const override = days[date];
          const kind = override === false ? 'off' : override === true ? 'worked' : weekend ? 'weekend' : '';
          const label = override === false ? `${date} 放假` : override === true ? `${date} 调休上班` : undefined;
          return (
            <span key={date} className={`year-preview-day ${kind}`} title={label} aria-label={label}>
              {day}
            </span>
          );
        })}
      </div>
    </div>
  );
}
