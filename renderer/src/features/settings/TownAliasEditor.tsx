// 区镇别名: the other names under which each town appears in the rosters clerks send (official full
// names, short names, older names). The roster import matches a town through them and shows which
// one matched. Grouped by town so an officer sees at a glance what each 区镇 answers to.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { defaultTownAliases } from '../../../../shared/reference/towns';
import { compactCellText } from '../../../../shared/roster/normalizeCellText';

export interface TownAliasEditorProps {
  value?: Readonly<Record<string, string>>;
  onChange?: (next: Record<string, string>) => void;
}

export function TownAliasEditor({ value: stored, onChange }: TownAliasEditorProps) {
  // Settings saved before aliases existed have none stored: the import then uses the defaults, so show those.
  const value = stored ?? defaultTownAliases;
  // The towns come from the same settings form (its 区镇 list), so a town added there can get aliases at once.
  const form = Form.useFormInstance();
  const towns: string[] = Form.useWatch('towns', form) ?? [];
  const [town, setTown] = useState<string>();
  const [alias, setAlias] = useState('');
  const [error, setError] = useState('');

  const entries = Object.entries(value);
  const orphans = entries.filter(([, target]) => !towns.includes(target));

  function add() {
    const name = compactCellText(alias);
    if (!town) return setError('请先选择区镇');
    if (!name) return setError('请填写别名');
    if (towns.some((t) => compactCellText(t) === name)) return setError(`“${name}”就是区镇名称本身，不必再设别名`);
    const existing = value[name];
    if (existing) return setError(`“${name}”已是「${existing}」的别名`);
    onChange?.({ ...value, [name]: town });
    setAlias('');
    setError('');
  }

  const remove = (name: string) => {
    const next = { ...value };
    delete next[name];
    onChange?.(next);
  };

  const aliasTag = (name: string) => (
    <Tag
      key={name}
      closable
      onClose={(e) => {
        e.preventDefault();
        remove(name);
      }}
      closeIcon={<span aria-label={`删除别名 ${name}`}>×</span>}
    >
      {name}
    </Tag>
  );

  return (
    <div role="group" aria-label="区镇别名">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        名单里的区镇写成全称、简称或旧称时，导入按这里的别名对应到区镇，并在预览中注明按哪个别名匹配。
      </Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 12px', marginBottom: 8 }}>
        {towns.map((t) => (
          <div key={t} style={{ display: 'contents' }}>
            <Typography.Text strong>{t}</Typography.Text>
            <div role="group" aria-label={`${t}的别名`} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
              {entries.filter(([, target]) => target === t).map(([name]) => aliasTag(name))}
            </div>
          </div>
        ))}
        {orphans.length > 0 ? (
          <>
            <Typography.Text type="warning">区镇已不在列表中</Typography.Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
              {orphans.map(([name, target]) => (
                <span key={name}>
                  {aliasTag(name)}
                  <Typography.Text type="secondary">→ {target}</Typography.Text>
                </span>
              ))}
            </div>
          </>
        ) : null}
      </div>
      <Space wrap>
        <Select
          aria-label="别名对应的区镇"
          placeholder="选择区镇"
          style={{ width: 220 }}
          value={town}
          options={towns.map((t) => ({ value: t, label: t }))}
          onChange={(next: string) => {
            setTown(next);
            setError('');
          }}
        />
        <Input
          aria-label="新增区镇别名"
          placeholder="别名，如 松陵镇"
          value={alias}
          maxLength={50}
          status={error ? 'error' : undefined}
          style={{ width: 200 }}
          onChange={(e) => {
            setAlias(e.target.value);
            setError('');
          }}
          onKeyDown={(e) => {
            // Enter adds the alias instead of submitting the whole settings form.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button icon={<PlusOutlined />} onClick={add}>
          添加别名
        </Button>
        <Button onClick={() => onChange?.({ ...defaultTownAliases })}>恢复默认</Button>
        {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      </Space>
    </div>
  );
}
