// 基础数据包 (the bureau's): its reference lists and confirmed holiday years — and, when asked, every
// enterprise with its assigned officer — for the officers' laptops to import, so that every laptop
// counts towns, departments and deadlines the same way and starts from the same enterprises.
import { ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../../shared/errors/describeError';
import { api } from '../../bridge/api';
import { EncryptionFields, encryptionProblem, packageEncryptionOf, type EncryptionValue } from './EncryptionFields';
import { buildReferencePackage } from './exchangeRepo';
import { packageFileFilter } from './ExportPackagePanel';

export function ReferencePackagePanel() {
  const { message } = App.useApp();
  const [withEnterprises, setWithEnterprises] = useState(true);
  // Officers hold no key of their own: a reference package is either plain or under a passphrase.
  const [encryption, setEncryption] = useState<EncryptionValue>({ kind: 'none', passphrase: '', repeated: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const problem = encryptionProblem(encryption, undefined);

  async function exportPackage() {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const pkg = await buildReferencePackage({ withEnterprises, encryption: packageEncryptionOf(encryption, undefined) });
      const result = await api.saveFile({ suggestedName: pkg.fileName, filters: [packageFileFilter], data: pkg.bytes });
      if (!result.saved) return;
      const enterprises = pkg.manifest.counts.enterprises ?? 0;
      const text = withEnterprises ? `已导出基础数据包（含 ${enterprises} 家企业）` : '已导出基础数据包';
      message.success(text);
      setDone(`${text}：${result.fileName ?? pkg.fileName}`);
    } catch (e) {
      setError(`导出基础数据包失败：${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 820 }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        供区商务局使用：把本机的区镇、部门、问题类别、走访类型名录和已确认的节假日安排发给各位服务专员。对方导入时可选择是否采用。
      </Typography.Paragraph>
      <Checkbox checked={withEnterprises} disabled={busy} onChange={(e) => setWithEnterprises(e.target.checked)}>
        包含企业及其服务专员分配
      </Checkbox>
      <EncryptionFields value={encryption} onChange={setEncryption} disabled={busy} />
      <div>
        <Button type="primary" icon={<ExportOutlined />} loading={busy} disabled={problem !== undefined} onClick={() => void exportPackage()}>
          生成并保存基础数据包
        </Button>
      </div>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {done ? <Alert type="success" showIcon title={done} /> : null}
    </Flex>
  );
}
