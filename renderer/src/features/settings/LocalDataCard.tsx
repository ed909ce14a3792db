// 本机数据: how much room the ledger takes on this laptop and whether the browser may evict it, so an
// officer (or the bureau's IT) can see before a trip that the data is safe and the disk has room.
import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ClearDemoData } from '../demo/ClearDemoData';
import {
  formatBytes,
  readLocalStorageState,
  requestPersistentStorage,
  type LocalStorageState,
} from '../../db/localStorageState';

export function LocalDataCard() {
  const [state, setState] = useState<LocalStorageState>();
  const refresh = () => void readLocalStorageState().then(setState);
  useEffect(refresh, []);

  const room =
    state?.usage !== undefined && state.quota !== undefined
      ? `已用 ${formatBytes(state.usage)}，最多可用 ${formatBytes(state.quota)}`
      : '浏览器未提供用量信息';
  return (
    <Card size="small" title="本机数据" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="存储用量">{state ? room : '读取中…'}</Descriptions.Item>
        <Descriptions.Item label="持久保存">
          {state?.persisted === true && <Tag color="green">已开启：磁盘紧张时数据也不会被清除</Tag>}
          {state?.persisted === false && (
            <>
              <Tag color="orange">未开启：磁盘紧张时浏览器可能清除数据</Tag>
              <Button size="small" onClick={() => void requestPersistentStorage().then(refresh)}>
                再次申请
              </Button>
            </>
          )}
          {state && state.persisted === undefined && <Typography.Text type="secondary">此环境不支持</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="示例数据">
          <ClearDemoData />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
