// What every edit dialog does about typing that is not saved yet: a fresh form on every opening (an
// antd form store outlives a closed modal and would show the last, unsaved values again), and a
// question before Esc, × or 取消 throw typed text away.
import { App } from 'antd';
import { useRef, useState } from 'react';

/** Empty in any of its forms (a cleared input, an untouched InputNumber, a missing key). */
function blank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Whether the form holds something other than what it opened with. */
export function valuesDiffer(initial: object, current: object): boolean {
  const before = initial as Record<string, unknown>;
  const now = current as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(now)])) {
    const a = before[key];
    const b = now[key];
    if (blank(a) && blank(b)) continue;
    if (JSON.stringify(a) !== JSON.stringify(b)) return true;
  }
  return false;
}

/**
 * A number that grows each time `open` turns true. Used as the React key of a dialog's body, it
 * mounts a new form (and so a new form store) per opening, while a closing dialog keeps its key and
 * animates out with what it showed.
 */
export function useOpeningKey(open: boolean): number {
  const [state, setState] = useState({ open, key: 0 });
  if (state.open !== open) setState({ open, key: open ? state.key + 1 : state.key });
  return state.key;
}

/**
 * `close(dirty, discard)`: closes at once when nothing was typed, otherwise asks
 * 「放弃未保存的修改？」 and discards only when the officer says so. One question at a time, however
 * often Esc is pressed.
 */
export function useConfirmDiscard(): (dirty: boolean, discard: () => void) => void {
  const { modal } = App.useApp();
  const asking = useRef(false);
  return (dirty, discard) => {
    if (!dirty) {
      discard();
      return;
    }
    if (asking.current) return;
    asking.current = true;
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '填写的内容尚未保存，放弃后不会保留。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      // Enter (or a second Esc) keeps the typing: throwing it away takes a deliberate click.
      autoFocusButton: 'cancel',
      onOk: discard,
      afterClose: () => {
        asking.current = false;
      },
    });
  };
}
