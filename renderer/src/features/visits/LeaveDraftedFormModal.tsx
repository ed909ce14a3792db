// What a drafted form (记录走访, 登记活动) does when the officer leaves it unsaved: in the app it asks,
// flushing the draft first so that 离开 loses nothing — unless the draft could not be stored, which it
// then says; on a reload or a closed window the browser (or the Electron window, electron/main.ts) asks.
import { Modal } from 'antd';
import { useEffect, type RefObject } from 'react';
import { useBlocker, type Blocker } from 'react-router-dom';
import type { DraftAutosave } from './useDraftAutosave';

/** Blocks leaving a form with unsaved typing (`dirty`) unless it was just saved (`savedRef`). */
export function useUnsavedFormGuard(dirty: boolean, savedRef: RefObject<boolean>): Blocker {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !savedRef.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (savedRef.current) return;
      event.preventDefault();
      // Older Chromium (Electron) asks only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, savedRef]);
  return blocker;
}

export function LeaveDraftedFormModal({ blocker, autosave, form, record }: { blocker: Blocker; autosave: DraftAutosave; /** 走访表单 */ form: string; /** 走访记录 */ record: string }) {
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title={`离开${form}？`}
      okText="离开"
      cancelText="留在此页"
      onOk={() => void autosave.flush().then(() => blocker.proceed?.())}
      onCancel={() => blocker.reset?.()}
    >
      {autosave.outcome && !autosave.outcome.saved
        ? '填写的内容尚未保存，草稿也未能保存：离开后这些内容将丢失。'
        : `填写的内容尚未保存为${record}，已自动存为草稿；下次打开本表单时可以恢复。`}
    </Modal>
  );
}
