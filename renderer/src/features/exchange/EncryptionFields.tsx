// How an outgoing package is protected: not at all, by a passphrase typed twice, or — for the bureau —
// by the bureau's public key from 设置, which only the bureau's computer can open. The choice and the
// two passphrase fields are one value, so a panel can tell in one place whether it may build.
import { Flex, Input, Radio, Typography } from 'antd';
import type { PackageEncryption } from '../../../../shared/sync/dataPackage';

export type EncryptionKind = 'none' | 'passphrase' | 'recipient';

export interface EncryptionValue {
  kind: EncryptionKind;
  passphrase: string;
  repeated: string;
}

/** age accepts any passphrase; a short one is guessed in hours from a lost USB stick. */
export const minPassphraseLength = 8;

/** Why the choice cannot be used yet, or undefined when it can. */
export function encryptionProblem(value: EncryptionValue, recipient: string | undefined): string | undefined {
  if (value.kind === 'recipient' && !recipient) return '尚未在“设置 → 数据交换密钥”中填写区商务局公钥';
  if (value.kind !== 'passphrase') return undefined;
  if (value.passphrase.length < minPassphraseLength) return `口令至少 ${minPassphraseLength} 个字符`;
  if (value.passphrase !== value.repeated) return '两次输入的口令不一致';
  return undefined;
}

export function packageEncryptionOf(value: EncryptionValue, recipient: string | undefined): PackageEncryption | undefined {
  if (value.kind === 'passphrase') return { passphrase: value.passphrase };
  if (value.kind === 'recipient' && recipient) return { recipient };
  return undefined;
}

export function EncryptionFields({
  value,
  onChange,
  recipient,
  disabled,
}: {
  value: EncryptionValue;
  onChange: (next: EncryptionValue) => void;
  /** The bureau's public key; without one the key option is not offered. */
  recipient?: string;
  disabled?: boolean;
}) {
  const problem = encryptionProblem(value, recipient);
  const showProblem = value.kind === 'passphrase' && (value.passphrase !== '' || value.repeated !== '');
  return (
    <Flex vertical gap={8}>
      <Radio.Group
        aria-label="加密方式"
        value={value.kind}
        disabled={disabled}
        onChange={(e) => onChange({ ...value, kind: e.target.value as EncryptionKind })}
        options={[
          { value: 'none', label: '不加密' },
          { value: 'passphrase', label: '口令' },
          ...(recipient ? [{ value: 'recipient', label: '发给区商务局的公钥' }] : []),
        ]}
      />
      {value.kind === 'passphrase' && (
        <Flex gap={8} wrap align="center">
          <Input.Password
            aria-label="设置口令"
            placeholder={`口令（至少 ${minPassphraseLength} 个字符）`}
            value={value.passphrase}
            disabled={disabled}
            autoComplete="new-password"
            onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
            style={{ width: 220 }}
          />
          <Input.Password
            aria-label="再次输入口令"
            placeholder="再次输入口令"
            value={value.repeated}
            disabled={disabled}
            autoComplete="new-password"
            onChange={(e) => onChange({ ...value, repeated: e.target.value })}
            style={{ width: 220 }}
          />
          {showProblem && problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
        </Flex>
      )}
      <Typography.Text type="secondary">
        {value.kind === 'none' && '数据包不加密：任何拿到文件的人都能读取其中的企业和问题，请只通过可靠途径传递。'}
        {value.kind === 'passphrase' && '对方导入时需输入同一口令；请当面或电话告知口令，不要和文件一起发送。'}
        {value.kind === 'recipient' && '只有保存了区商务局私钥的电脑能打开此数据包。'}
      </Typography.Text>
    </Flex>
  );
}
