// 企业名录: every live enterprise in pinyin order of its name, with search as you type and filters by
// town and officer; the count says how many match, and every match can be scrolled to. Rows are
// virtualised, so 20,000 enterprises scroll as smoothly as 20. Town and officer live in the URL, so
// "back" from an enterprise keeps them. The typed text lives outside this component
// (EnterpriseSearch.tsx): a keystroke re-renders the box, the count line and the list, not the page.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { createValueStore } from '../../components/valueStore';
import { createDirectorySearch } from '../../../../shared/search/enterpriseDirectory';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { EnterpriseCount, EnterpriseResults, EnterpriseSearchBox, type RosterScope } from './EnterpriseSearch';
import { useEnterpriseDirectory } from './useEnterpriseRows';

export function EnterpriseListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text] = useState(() => createValueStore(''));
  const [search] = useState(() => createDirectorySearch());
  const town = params.get('town') ?? undefined;
  const officer = params.get('officer') ?? undefined;
  const { directory, towns, officers } = useEnterpriseDirectory();
  const adding = params.get('new') === '1';
  const scope: RosterScope = { text, search, directory, town, officer };

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }
  const closeAdd = () => setParam('new', undefined);
  const openFirstHit = (query: string) => {
    const first = directory ? search(directory, { query, town, officer })[0] : undefined;
    if (first) navigate(`/enterprises/${first.id}`);
  };

  return (
    <div className="page-fill">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space align="baseline" size={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            企业名录
          </Typography.Title>
          <EnterpriseCount {...scope} />
        </Space>
        <Space wrap>
          <Select
            aria-label="所属区镇"
            placeholder="所属区镇"
            allowClear
            showSearch
            style={{ width: 160 }}
            value={town}
            options={towns.map((t) => ({ value: t, label: t }))}
            onChange={(v?: string) => setParam('town', v)}
          />
          <Select
            aria-label="服务专员"
            placeholder="服务专员"
            allowClear
            showSearch
            style={{ width: 130 }}
            value={officer}
            options={officers.map((o) => ({ value: o, label: o }))}
            onChange={(v?: string) => setParam('officer', v)}
          />
          <EnterpriseSearchBox text={text} onEnter={openFirstHit} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setParam('new', '1')}>
            新增企业
          </Button>
        </Space>
      </Space>

      <EnterpriseResults {...scope} />

      <EnterpriseFormModal
        open={adding}
        onClose={closeAdd}
        onSaved={(saved) => navigate(`/enterprises/${saved.id}`)}
      />
    </div>
  );
}
