// A date picker whose value is the `YYYY-MM-DD` string the records store, so forms hold no dayjs.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export interface DateInputProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
}

export function DateInput({ value, onChange, id, placeholder = '选择日期', allowClear = true, disabled }: DateInputProps) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      format="YYYY-MM-DD"
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      style={{ width: '100%' }}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
