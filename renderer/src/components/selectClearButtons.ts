// antd 6's Select draws its clear (×) as a <button> in the Tab order, named "Clear" in English. In a
// form typed with the keyboard, Tab from a chosen enterprise then lands on that button instead of the
// next field, and the next figure typed goes nowhere — the one after it lands a field too early (the
// new-user run found 纳税 1,200 saved as 0 and 就业 as 纳税's value). Every such button is taken out of
// the Tab order and named in Chinese as it appears; the mouse still clears, and the keyboard changes a
// choice by typing over it.
export function keepSelectClearButtonsOutOfTabOrder(root: Document = document): () => void {
  // One query per batch of DOM changes for the buttons not yet fixed, not a walk of every added node.
  const fixAll = () => {
    root.querySelectorAll<HTMLButtonElement>('button.ant-select-clear:not([tabindex="-1"])').forEach((button) => {
      button.tabIndex = -1;
      button.setAttribute('aria-label', '清除');
    });
  };
  const observer = new MutationObserver(fixAll);
  fixAll();
  observer.observe(root.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
