// A form control that picks one live enterprise by typing its name, pinyin initials or credit code
// (the searchTokens index). The chosen enterprise keeps its label even when the search moves on.
import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Enterprise } from '../../../../shared/domain/records';
import { getEnterprise, searchEnterprises } from './enterpriseRepo';

export interface EnterpriseSelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined, enterprise: Enterprise | undefined) => void;
  placeholder?: string;
  /** For a Select outside a Form.Item label (a filter bar). */
  'aria-label'?: string;
  /** Shown but fixed: an edit whose record belongs to this enterprise. */
  disabled?: boolean;
}

export function EnterpriseSelect({
  id,
  value,
  onChange,
  placeholder = '输入企业名称、拼音首字母或信用代码搜索',
  'aria-label': ariaLabel,
  disabled,
}: EnterpriseSelectProps) {
  const [query, setQuery] = useState('');
  // Each answer says which text it is for. Until the answer for the text in the box is in, the list
  // shows nothing found and no option is active: an answer for a shorter prefix, typed key by key,
  // can hold another enterprise first, and Enter pressed at once would take it.
  const search = useLiveQuery(async () => ({ query, rows: await searchEnterprises(query, 20) }), [query]);
  const searching = search?.query !== query;
  const found = searching ? [] : search.rows;
  const chosen = useLiveQuery(() => (value ? getEnterprise(value) : undefined), [value]);
  // The chosen enterprise stays among the options (its label shows in the box) but after what the
  // search found: first, it would be the option Enter takes while the officer types another name.
  const shown = [...found, ...(chosen && !found.some((e) => e.id === chosen.id) ? [chosen] : [])];
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      disabled={disabled}
      allowClear
      value={value}
      placeholder={placeholder}
      options={shown.map((e) => ({ value: e.id, label: `${e.name}${e.town ? `（${e.town}）` : ''}` }))}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      defaultActiveFirstOption={!searching}
      notFoundContent={searching ? '正在查找…' : query ? '没有找到企业' : '请输入关键字'}
      onChange={(next?: string) => onChange?.(next, shown.find((e) => e.id === next))}
    />
  );
}
