// The question a drafted form (记录走访, 登记活动) asks when the officer leaves it unsaved: the draft is
// flushed first, so 离开 loses nothing — unless the draft could not be stored, which it then says.
import { Modal } from 'antd';
import type { Blocker } from 'react-router-dom';
import type { DraftAutosave } from './useDraftAutosave';

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
