// Batch assignment: set 服务专员 and/or 挂钩领导 on the selected enterprises in one transaction.
// The parent mounts it only while open, so every opening starts with empty fields.
import { App as AntApp, Checkbox, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { loadSettings } from '../../db/settingsStore';
import { assignEnterprises } from '../roster/rosterImport';
import { describeError } from '../../../../shared/errors/describeError';

export function AssignModal({ open, ids, onClose }: { open: boolean; ids: readonly string[]; onClose: (changed: boolean) => void }) {
  const { message } = AntApp.useApp();
  const [setOfficer, setSetOfficer] = useState(true);
  const [officer, setOfficerName] = useState('');
  const [setLeader, setSetLeader] = useState(false);
  const [leader, setLeaderName] = useState('');
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    try {
      const settings = await loadSettings();
      const count = await assignEnterprises(
        ids,
        { ...(setOfficer ? { assignedOfficer: officer } : {}), ...(setLeader ? { linkedLeader: leader } : {}) },
        settings,
      );
      message.success(`已更新 ${count} 家企业`);
      onClose(true);
    } catch (e) {
      message.error(`保存失败，没有任何改动：${describeError(e)}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={`批量指定（已选 ${ids.length} 家企业）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ disabled: (!setOfficer && !setLeader) || ids.length === 0 }}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center">
          <Checkbox checked={setOfficer} onChange={(e) => setSetOfficer(e.target.checked)}>
            服务专员
          </Checkbox>
          <Input aria-label="新的服务专员" disabled={!setOfficer} value={officer} onChange={(e) => setOfficerName(e.target.value)} placeholder="留空则清除" />
        </Flex>
        <Flex gap={8} align="center">
          <Checkbox checked={setLeader} onChange={(e) => setSetLeader(e.target.checked)}>
            挂钩领导
          </Checkbox>
          <Input aria-label="新的挂钩领导" disabled={!setLeader} value={leader} onChange={(e) => setLeaderName(e.target.value)} placeholder="留空则清除" />
        </Flex>
        <Typography.Text type="secondary">只修改勾选的项目；一次写入，失败时全部不改。</Typography.Text>
      </Flex>
    </Modal>
  );
}
