// The bureau's public key pasted into 设置 is checked before it is stored, with a message that says
// what is wrong; the private key is written out as an age identity file the app reads back.
import { describe, expect, it } from 'vitest';
import { generateBureauKeyPair, readDataPackage, writeDataPackage } from '../../../shared/sync/dataPackage';
import { bureauRecipientProblem, identityFileText } from '../../../renderer/src/features/settings/bureauKey';

describe('bureauRecipientProblem', () => {
  it('accepts a generated public key, with the spaces a paste brings, and an empty field', async () => {
    const { recipient } = await generateBureauKeyPair();
    expect(bureauRecipientProblem(recipient)).toBeUndefined();
    expect(bureauRecipientProblem(` ${recipient}\n`)).toBeUndefined();
    expect(bureauRecipientProblem('')).toBeUndefined();
  });

  it('says what is wrong with a cut, mistyped, foreign or private key', async () => {
    const { identity, recipient } = await generateBureauKeyPair();
    expect(bureauRecipientProblem(recipient.slice(0, 40))).toBe('公钥长度不对：应为 62 个字符，现为 40 个，请完整复制区商务局提供的公钥');
    expect(bureauRecipientProblem(`${recipient.slice(0, 10)}O${recipient.slice(11)}`)).toMatch(/^公钥含有不应有的字符/);
    expect(bureauRecipientProblem('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5')).toBe('区商务局公钥应以 age1 开头');
    expect(bureauRecipientProblem(identity)).toMatch(/^这是私钥，不是公钥/);
  });
});

it('writes the private key as an identity file that opens a package encrypted to the public key', async () => {
  const { identity, recipient } = await generateBureauKeyPair();
  const text = identityFileText(identity, recipient, new Date('2026-12-03T01:00:00Z'));
  expect(text).toContain(`# public key: ${recipient}`);
  const sealed = await writeDataPackage(
    {
      manifest: { kind: 'changes', packageId: 'p1', createdAt: '2026-12-03T01:00:00.000Z', device: { deviceId: 'd1' }, officer: { name: '张敏', unit: '' }, range: { fromSeq: 0, toSeq: 0 } },
      tables: {},
      attachments: [],
    },
    { recipient },
  );
  const opened = await readDataPackage(sealed, { identity: text }, {});
  expect(opened.manifest.officer.name).toBe('张敏');
});
