// The bureau's key pair as 设置 handles it: a public key pasted on an officer's laptop is checked
// before it is stored (a key cut short in an e-mail would only fail later, at the first export), and
// the private key is written out as an age identity file, the form the `age` tool and this app read.
// Pure.

/** An X25519 age recipient: `age1` and 58 bech32 characters (what generateBureauKeyPair makes). */
const recipientLength = 62;
const bech32Characters = /^[02-9ac-hj-np-z]+$/;

/** Why `text` is not a usable bureau public key, or undefined when it is (an empty text is "no key"). */
export function bureauRecipientProblem(text: string): string | undefined {
  const key = text.trim();
  if (key === '') return undefined;
  if (!key.startsWith('age1')) {
    if (key.startsWith('AGE-SECRET-KEY-')) return '这是私钥，不是公钥：私钥只能留在区商务局的电脑上，请填写以 age1 开头的公钥';
    return '区商务局公钥应以 age1 开头';
  }
  const body = key.slice(4);
  if (!bech32Characters.test(body)) return '公钥含有不应有的字符（只能是小写字母和数字，不含 1、b、i、o），请完整复制区商务局提供的公钥';
  if (key.length !== recipientLength) {
    return `公钥长度不对：应为 ${recipientLength} 个字符，现为 ${key.length} 个，请完整复制区商务局提供的公钥`;
  }
  return undefined;
}

/** The private key as an age identity file (comments first, then the key), for the bureau to keep. */
export function identityFileText(identity: string, recipient: string, createdAt: Date): string {
  return [
    `# 走访台账 区商务局私钥（${createdAt.toISOString()} 导出）`,
    '# 请妥善保管：持有此文件即可打开加密发给区商务局的全部数据包。',
    `# public key: ${recipient}`,
    identity.trim(),
    '',
  ].join('\n');
}
