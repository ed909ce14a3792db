// antd 6's Select draws its clear (×) as a <button> in the Tab order, named "Clear" in English. In a
// form typed with the keyboard, Tab from a chosen enterprise then lands on that button instead of the
// next field, and the next figure typed goes nowhere — the one after it lands a field too early (the
// new-user run found 纳税 1,200 saved as 0 and 就业 as 纳税's value). Every such button is taken out of
// the Tab order and named in Chinese as it appears; the mouse still clears, and the keyboard changes a
// choice by typing over it.
export function keepSelectClearButtonsOutOfTabOrder(root: Document = document): () => void {
  const fix = (element: Element) => {
    if (element instanceof HTMLElement && element.matches('button.ant-select-clear') && element.tabIndex !== -1) {
      element.tabIndex = -1;
      element.setAttribute('aria-label', '清除');
    }
  };
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        fix(node);
        node.querySelectorAll('button.ant-select-clear').forEach(fix);
      }
    }
  });
  root.querySelectorAll('button.ant-select-clear').forEach(fix);
  observer.observe(root.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
