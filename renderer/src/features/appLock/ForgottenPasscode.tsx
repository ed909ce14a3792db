// 忘记密码: the passcode cannot be recovered (only its slow hash is stored), so the way back is the
// bureau's: replace this laptop's data with a backup or a full data package, which also removes the
// lock. Whoever does it sees only what the backup holds — which they must already have — and the
// records written on this laptop since that backup are gone, which the officer is told before.
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../../shared/errors/describeError';
import { maxBridgeBytes } from '../../../../shared/ipc';
import { api } from '../../bridge/api';
import { updateSettings } from '../../db/settingsStore';

const packageFilter = { name: '走访台账备份或数据包', extensions: ['vlpkg'] };

export function ForgottenPasscode({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function restoreFromFile() {
    setBusy(true);
    setError(undefined);
    try {
      const file = await api.openFile({ filters: [packageFilter], maxBytes: maxBridgeBytes });
      if (!file) return;
      // Loaded only here: the lock screen must not carry the package reader into the first screen.
      const { readLedgerPackage, restoreBackup } = await import('../exchange/exchangeRepo');
      const pkg = await readLedgerPackage(file.data);
      await restoreBackup(pkg);
      await updateSettings({ appLock: undefined });
      window.location.reload();
    } catch (e) {
      setError(`未能恢复：${describeError(e)}本机数据没有被改动。`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title="忘记启动密码" onCancel={onClose} footer={<Button onClick={onClose}>返回</Button>} destroyOnHidden>
      <Space direction="vertical" size="middle">
        <Typography.Paragraph style={{ margin: 0 }}>
          启动密码无法找回：本机只保存了它的校验值。要重新使用本机，只能用备份文件（或区商务局导出的全部数据包）替换本机数据，锁会随之取消。
        </Typography.Paragraph>
        <Alert
          type="warning"
          showIcon
          message="本机自该备份以来新录入、尚未发送的记录将会丢失。如有疑问，请先联系区商务局。"
        />
        {error ? <Alert type="error" showIcon message={error} /> : null}
        <Button danger loading={busy} onClick={() => void restoreFromFile()}>
          选择备份文件并替换本机数据…
        </Button>
      </Space>
    </Modal>
  );
}
