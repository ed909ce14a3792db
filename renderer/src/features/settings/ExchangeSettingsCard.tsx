// 设置 → 数据交换密钥: on an officer's laptop, the bureau's public key (packages to the bureau are
// encrypted to it by default); on the bureau's own computer, the key pair itself, generated here.
// The private key never travels in a package or a backup, so the card insists it is saved to a file.
import { KeyOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Flex, Form, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { Settings } from '../../../../shared/domain/records';
import { describeError } from '../../../../shared/errors/describeError';
import { generateBureauKeyPair } from '../../../../shared/sync/dataPackage';
import { api } from '../../bridge/api';
import { updateSettings } from '../../db/settingsStore';
import { bureauRecipientProblem, identityFileText } from './bureauKey';

export function ExchangeSettingsCard({ settings }: { settings: Settings }) {
  const { message, modal } = App.useApp();
  const stored = settings.bureauRecipient ?? '';
  const [typed, setTyped] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [generating, setGenerating] = useState(false);
  const value = typed ?? stored;
  // Enter saves, and so does leaving the field: the second of the two must not save (and say) it again.
  const saving = useRef(false);

  async function saveRecipient() {
    if (saving.current) return;
    if (typed === undefined || typed.trim() === stored) {
      setTyped(undefined);
      return;
    }
    const found = bureauRecipientProblem(typed);
    setProblem(found);
    if (found) return;
    saving.current = true;
    try {
      const key = typed.trim();
      await updateSettings({ bureauRecipient: key === '' ? undefined : key });
      setTyped(undefined);
      message.success(key === '' ? '已清除区商务局公钥；导出的数据包默认不加密' : '区商务局公钥已保存；导出给区商务局的数据包默认用它加密');
    } catch (e) {
      setProblem(`未能保存：${describeError(e)}`);
    } finally {
      saving.current = false;
    }
  }

  async function generate() {
    setGenerating(true);
    try {
      const pair = await generateBureauKeyPair();
      await updateSettings({ bureauIdentity: pair.identity, bureauRecipient: pair.recipient });
      setTyped(undefined);
      setProblem(undefined);
      message.success('已在本机生成区商务局密钥对，请立即导出私钥备份');
    } catch (e) {
      message.error(`未能生成密钥对：${describeError(e)}`);
    } finally {
      setGenerating(false);
    }
  }

  function confirmGenerate() {
    modal.confirm({
      title: settings.bureauIdentity ? '重新生成区商务局密钥对？' : '在本机生成区商务局密钥对？',
      content: settings.bureauIdentity
        ? '新的密钥对会替换本机现有的私钥。用旧公钥加密的数据包将再也无法在本机打开（除非另存有旧私钥）；各服务专员需要改用新公钥。'
        : '只应在区商务局负责汇总数据的电脑上操作。生成后，请把公钥发给各服务专员，并立即导出私钥备份。',
      okText: settings.bureauIdentity ? '重新生成' : '生成',
      okButtonProps: { danger: Boolean(settings.bureauIdentity) },
      cancelText: '取消',
      onOk: generate,
    });
  }

  async function exportIdentity() {
    if (!settings.bureauIdentity) return;
    try {
      const now = new Date();
      const result = await api.saveFile({
        suggestedName: `区商务局私钥-${now.toISOString().slice(0, 10).replace(/-/g, '')}.txt`,
        filters: [{ name: '私钥文件', extensions: ['txt'] }],
        data: new TextEncoder().encode(identityFileText(settings.bureauIdentity, settings.bureauRecipient ?? '', now)),
      });
      if (result.saved) message.success('私钥备份已保存，请存放在安全的地方（如加密 U 盘），不要通过邮件发送');
    } catch (e) {
      message.error(`未能导出私钥：${describeError(e)}`);
    }
  }

  return (
    <Card size="small" title="数据交换密钥" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div">
        <Form.Item
          label="区商务局公钥"
          validateStatus={problem ? 'error' : undefined}
          help={problem}
          extra="由区商务局提供（以 age1 开头）。填写后，导出给区商务局的数据包默认用它加密，只有区商务局的电脑能打开。"
        >
          <Input
            aria-label="区商务局公钥"
            className="mono"
            placeholder="age1…"
            value={value}
            spellCheck={false}
            allowClear
            onChange={(e) => {
              setTyped(e.target.value);
              setProblem(undefined);
            }}
            onBlur={() => void saveRecipient()}
            onPressEnter={() => void saveRecipient()}
          />
        </Form.Item>
      </Form>

      <Divider titlePlacement="start" plain style={{ margin: '8px 0 12px' }}>
        仅限区商务局的电脑
      </Divider>
      {settings.bureauIdentity ? (
        <Flex vertical gap={8}>
          <Typography.Text>本机保存有区商务局私钥，可以打开加密发给区商务局的数据包。把下面的公钥发给各服务专员：</Typography.Text>
          <Typography.Text code copyable={{ tooltips: ['复制公钥', '已复制'] }} aria-label="本机区商务局公钥">
            {settings.bureauRecipient}
          </Typography.Text>
          <Alert
            type="warning"
            showIcon
            title="私钥只保存在本机，备份文件中也不包含它"
            description="请导出私钥备份并存放在安全的地方（如加密 U 盘）。这台电脑损坏或重装后，没有私钥备份就再也打不开加密发给区商务局的数据包。"
          />
          <Flex gap={8}>
            <Button icon={<SaveOutlined />} onClick={() => void exportIdentity()}>
              导出私钥备份
            </Button>
            <Button danger onClick={confirmGenerate} loading={generating}>
              重新生成密钥对
            </Button>
          </Flex>
        </Flex>
      ) : (
        <Flex vertical gap={8} align="start">
          <Typography.Text type="secondary">区商务局汇总数据的电脑在这里生成一次密钥对：公钥发给各服务专员，私钥留在本机。</Typography.Text>
          <Button icon={<KeyOutlined />} onClick={confirmGenerate} loading={generating}>
            在本机生成区商务局密钥对
          </Button>
        </Flex>
      )}
    </Card>
  );
}
