// 我的企业 / 全部企业: the scope of the screens that count either the officer's assigned enterprises
// or the whole district (工作台, 经营监测). Without an officer name in 设置 there is nothing to switch:
// those screens count the district, and the switch is not shown.
import { Segmented } from 'antd';

export function ScopeSwitch({ officerName, all, onChange }: { officerName: string; all: boolean; onChange: (all: boolean) => void }) {
  if (!officerName) return null;
  return (
    <Segmented
      aria-label="统计范围"
      value={all ? 'all' : 'mine'}
      options={[
        { value: 'mine', label: `我的企业（${officerName}）` },
        { value: 'all', label: '全部企业' },
      ]}
      onChange={(v) => onChange(v === 'all')}
    />
  );
}
