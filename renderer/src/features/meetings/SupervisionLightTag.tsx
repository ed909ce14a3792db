// 亮灯督办: the light an open item carries (shared/meetings/supervisionLight.ts), the same tag on the
// problem list, the home page and the meeting's agenda. Colour and word together, never colour alone.
import { Tag, Tooltip } from 'antd';
import type { Problem, Settings } from '../../../../shared/domain/records';
import {
  lightLateDaysOf,
  problemLight,
  supervisedDeadline,
  supervisionLightLabels,
  type SupervisionLight,
} from '../../../../shared/meetings/supervisionLight';

const lightColors: Record<SupervisionLight, string> = { green: 'green', yellow: 'gold', red: 'red' };

export function LightTag({ light, title }: { light: SupervisionLight; title?: string }) {
  const tag = (
    <Tag color={lightColors[light]} data-light={light}>
      {supervisionLightLabels[light]}
    </Tag>
  );
  return title ? <Tooltip title={title}>{tag}</Tooltip> : tag;
}

/** A problem's light today, with what it follows in the tooltip; nothing when nothing is open. */
export function ProblemLightTag({ problem, settings, today }: { problem: Problem; settings: Settings | undefined; today: string }) {
  if (!settings) return null;
  const overrides = settings.calendarOverrides;
  const light = problemLight(problem, { today, lateDays: lightLateDaysOf(settings), overrides });
  const supervised = supervisedDeadline(problem, overrides);
  if (light === undefined || supervised === undefined) return null;
  return <LightTag light={light} title={`${supervised.kind} ${supervised.deadline}`} />;
}
