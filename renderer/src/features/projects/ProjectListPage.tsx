// 重点项目: the key foreign-invested project library (seed 001). Hundreds of projects, so one read of
// the table, filtered and sorted in memory; each in-library project says whether this month's
// progress entry is in. Filters live in the URL, so "back" from a project keeps them.
import { BarChartOutlined, CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { projectStages, type ProjectStage } from '../../../../shared/domain/records';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { filterProjects, libraryFilters, type LibraryFilter } from '../../../../shared/projects/projectListFilter';
import { useSettings } from '../../db/settingsStore';
import { formatWanUsd, LibraryTag, MissingMonthTag, StageTag } from './projectDisplay';
import { ProjectFormModal } from './ProjectFormModal';
import { loadProjectRows, type ProjectRow } from './projectRepo';

/** A money column's header on two lines, so the name columns keep their room. */
function moneyTitle(label: string) {
  return (
    <>
      {label}
      <br />
      （万美元）
    </>
  );
}

const libraryLabels: Record<LibraryFilter, string> = { in: '在库项目', out: '已出库项目', all: '全部项目' };

export function ProjectListPage() {
  const settings = useSettings();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const month = shanghaiMonth();
  const rows = useLiveQuery(() => loadProjectRows(month), [month]);

  const library = (libraryFilters as readonly string[]).includes(params.get('library') ?? '')
    ? (params.get('library') as LibraryFilter)
    : 'in';
  const stage = (params.get('stage') ?? undefined) as ProjectStage | undefined;
  const town = params.get('town') ?? undefined;
  const region = params.get('region') ?? undefined;
  const text = params.get('q') ?? '';
  const missingOnly = params.get('missing') === '1';

  const shown = useMemo(() => {
    const byProject = new Map((rows ?? []).map((r) => [r.project, r]));
    const filtered = filterProjects([...byProject.keys()], { library, stage, town, region, text }).map((p) => byProject.get(p)!);
    return missingOnly ? filtered.filter((r) => r.missingMonth) : filtered;
  }, [rows, library, stage, town, region, text, missingOnly]);
  const inLibrary = (rows ?? []).filter((r) => r.project.inLibrary).length;
  const missing = (rows ?? []).filter((r) => r.missingMonth).length;

  function update(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const columns: ColumnsType<ProjectRow> = [
    {
      title: '项目名称',
      key: 'name',
      render: (_, r) => <Link to={`/projects/${r.project.id}`}>{r.project.name}</Link>,
    },
    {
      title: '关联企业',
      key: 'enterprise',
      render: (_, r) =>
        r.enterprise ? (
          <Link to={`/enterprises/${r.enterprise.id}`}>{r.enterprise.name}</Link>
        ) : (
          <Typography.Text type="secondary">{r.project.enterpriseId ? '（企业已删除）' : '尚未设立企业'}</Typography.Text>
        ),
    },
    { title: '所属区镇', key: 'town', width: 140, render: (_, r) => r.project.town },
    { title: '投资方来源', key: 'region', width: 90, render: (_, r) => r.project.investorRegion },
    { title: moneyTitle('总投资'), key: 'total', width: 100, align: 'right', render: (_, r) => formatWanUsd(r.project.totalInvestment) },
    {
      title: moneyTitle('注册外资'),
      key: 'capital',
      width: 100,
      align: 'right',
      render: (_, r) => formatWanUsd(r.project.registeredForeignCapital),
    },
    { title: '项目阶段', key: 'stage', width: 130, render: (_, r) => <StageTag stage={r.project.stage} /> },
    { title: '牵头人', key: 'lead', width: 72, render: (_, r) => r.project.leadOfficer },
    { title: '在库', key: 'library', width: 68, render: (_, r) => <LibraryTag project={r.project} /> },
    {
      title: '本月进展',
      key: 'month',
      width: 100,
      render: (_, r) =>
        !r.project.inLibrary ? '—' : r.missingMonth ? <MissingMonthTag /> : <Typography.Text type="success">已填报</Typography.Text>,
    },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          重点外资项目库
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginLeft: 12 }}>
            {rows ? `在库 ${inLibrary} 个，${month} 未填报进展 ${missing} 个，当前显示 ${shown.length} 个` : ''}
          </Typography.Text>
        </Typography.Title>
        <Space>
          <Button icon={<BarChartOutlined />} onClick={() => navigate('/projects/overview')}>
            项目库概况
          </Button>
          <Button icon={<CalendarOutlined />} onClick={() => navigate('/projects/monthly')}>
            月度填报
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增项目
          </Button>
        </Space>
      </Flex>

      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索项目名称"
          placeholder="项目名称"
          allowClear
          defaultValue={text}
          onSearch={(value) => update('q', value.trim())}
          onChange={(e) => update('q', e.target.value.trim())}
          style={{ width: 240 }}
        />
        <Select
          aria-label="在库状态"
          value={library}
          options={libraryFilters.map((f) => ({ value: f, label: libraryLabels[f] }))}
          onChange={(v: LibraryFilter) => update('library', v === 'in' ? undefined : v)}
          style={{ width: 130 }}
        />
        {[
          { key: 'stage', label: '项目阶段', value: stage, options: [...projectStages], width: 160 },
          { key: 'town', label: '所属区镇', value: town, options: settings?.towns ?? [], width: 200 },
        ].map((filter) => (
          <Select
            key={filter.key}
            aria-label={filter.label}
            placeholder={filter.label}
            allowClear
            value={filter.value}
            options={filter.options.map((o) => ({ value: o, label: o }))}
            onChange={(v?: string) => update(filter.key, v)}
            style={{ width: filter.width }}
          />
        ))}
        {region && (
          <Tag closable onClose={() => update('region', undefined)} aria-label={`投资方来源：${region}`}>
            投资方来源：{region}
          </Tag>
        )}
        <label>
          <Switch size="small" checked={missingOnly} onChange={(v) => update('missing', v ? '1' : undefined)} aria-label="只看本月未填报" />{' '}
          本月未填报
        </label>
      </Flex>

      <Table<ProjectRow>
        aria-label="重点项目列表"
        rowKey={(r) => r.project.id}
        size="middle"
        loading={rows === undefined}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: rows && rows.length === 0 ? '项目库还没有项目，点“新增项目”添加' : '没有符合筛选条件的项目' }}
      />

      <ProjectFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(saved) => {
          setAdding(false);
          navigate(`/projects/${saved.id}`);
        }}
      />
    </div>
  );
}
