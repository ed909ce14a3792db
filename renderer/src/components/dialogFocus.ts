// A dialog opened from a button takes the focus itself (its close × or its frame), so the first key an
// officer types goes nowhere and Esc then throws the dialog away (the new-user run, 登记问题 from 问题诉求).
// When the focus enters a dialog from outside it and lands on anything but a field, it is moved on to
// the dialog's first field, unless that is a list with a choice made. A dialog that puts the cursor
// elsewhere on purpose (新增企业) still does, after this; a confirm, which has no field, keeps the
// button it focuses.

const firstFieldSelector = ['input:not([type=hidden]):not([type=file]):not([disabled])', 'textarea:not([disabled])']
  .map((field) => `.ant-modal-body ${field}`)
  .join(', ');

function isField(element: Element): boolean {
  return element.matches('input, textarea, select, [contenteditable="true"]');
}

export function startDialogsInTheirFirstField(root: Document = document): () => void {
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || isField(target)) return;
    const dialog = target.closest('.ant-modal-wrap');
    if (!dialog) return;
    // Moving about inside the dialog (Shift+Tab to ×) is the officer's choice.
    if (event.relatedTarget instanceof Node && dialog.contains(event.relatedTarget)) return;
    const first = dialog.querySelector<HTMLElement>(firstFieldSelector);
    // A list already chosen (登记问题 on an enterprise's page) would only open on the focus: leave it.
    const select = first?.closest('.ant-select');
    if (select && !select.querySelector('.ant-select-placeholder')) return;
    first?.focus();
  };
  root.addEventListener('focusin', onFocusIn);
  return () => root.removeEventListener('focusin', onFocusIn);
}
