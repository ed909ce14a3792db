// A select of the visit form (走访人员, 宣讲的政策措施, 走访类型, 问题类别, 责任部门) on which Tab only
// moves on. antd's Select hands Tab to its
// open option list, which toggles the highlighted option and keeps the focus: a Tab after picking a
// name with Enter removed that very name again, and the officer was stuck in the field. Here Tab never
// reaches the list, so the browser moves the focus and the dropdown closes on blur. A single select
// did worse: Tab while its list was still sliding shut after Enter left the focus where it was. (A name typed in
// 走访人员 and not yet confirmed with Enter is still kept as a name on leaving, as on a click away:
// what was typed is not dropped.)
import { Select, type SelectProps } from 'antd';
import type { KeyboardEvent } from 'react';

export function TabSafeSelect(props: SelectProps) {
  return (
    <div
      onKeyDownCapture={(event: KeyboardEvent) => {
        // Capture phase, on an ancestor: stopping here keeps the event from the Select's own handler;
        // not preventing the default leaves the focus move to the browser.
        if (event.key === 'Tab') event.stopPropagation();
      }}
    >
      <Select {...props} />
    </div>
  );
}
