// An editable reference list (towns, departments, categories, visit types): tags that can be
// removed, a field to add one (Enter adds), and 恢复默认 to return to the docs/design.md defaults.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';

export interface TagListEditorProps {
  label: string;
  value?: string[];
  onChange?: (next: string[]) => void;
  defaults: readonly string[];
}

export function TagListEditor({ label, value = [], onChange, defaults }: TagListEditorProps) {
  const [adding, setAdding] = useState('');
  const [error, setError] = useState('');

  function add() {
    const item = adding.trim();
    if (!item) return;
    if (value.includes(item)) {
      setError(`“${item}”已在列表中`);
      return;
    }
    onChange?.([...value, item]);
    setAdding('');
    setError('');
  }

  return (
    <div role="group" aria-label={label}>
      <div style={{ marginBottom: 8, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {value.map((item) => (
          <Tag
            key={item}
            closable
            onClose={(e) => {
              e.preventDefault();
              onChange?.(value.filter((v) => v !== item));
            }}
            closeIcon={<span aria-label={`删除 ${item}`}>×</span>}
          >
            {item}
          </Tag>
        ))}
        {value.length === 0 ? <Typography.Text type="danger">列表为空，请至少添加一项</Typography.Text> : null}
      </div>
      <Space wrap>
        <Input
          aria-label={`新增${label}`}
          placeholder={`输入后回车添加`}
          value={adding}
          status={error ? 'error' : undefined}
          onChange={(e) => {
            setAdding(e.target.value);
            setError('');
          }}
          onKeyDown={(e) => {
            // Enter adds the item instead of submitting the whole settings form.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          style={{ width: 240 }}
          maxLength={50}
        />
        <Button icon={<PlusOutlined />} onClick={add}>
          添加{label}
        </Button>
        <Button onClick={() => onChange?.([...defaults])}>恢复默认</Button>
        {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      </Space>
    </div>
  );
}
