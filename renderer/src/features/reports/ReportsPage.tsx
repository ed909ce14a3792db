// 报表导出: the officer picks a period, a scope and the reporting unit, reads the figures, edits the
// three drafted texts (成效、存在问题、下一步措施) and exports the service-month workbook. The export
// streams through the bridge, with progress and a cancel button. Changing the period or scope
// re-drafts the texts, so once the officer has edited them it asks first. The second report type,
// 月度进展表, is the key project library's monthly workbook (概况, 在库项目进展, 入库出库, 项目诉求) for a
// month and a town or all, through the same export helper and save bridge.
import { App as AntApp, Alert, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { LibraryOverview } from '../../../../shared/projects/libraryOverview';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { draftNarrative, formatRate, type ReportNarrative } from '../../../../shared/reports/reportNarrative';
import { monthPeriod, reportFileName, type ReportPeriod, type ReportScope } from '../../../../shared/reports/reportScope';
import type { ServiceMonthFigures } from '../../../../shared/reports/serviceMonthFigures';
import { api } from '../../bridge/api';
import { loadSettings, useSettings } from '../../db/settingsStore';
import { describeError } from '../../../../shared/errors/describeError';
import { ExportProgressBar, useWorkbookExport } from '../../export/useWorkbookExport';
import { loadLibraryOverview } from '../projects/libraryOverviewRepo';
import { monthlyProgressFileName } from './exportMonthlyProgressReport';
import type { ReportBase } from './reportData';
import {
  assignedOfficers,
  computeAppReportFigures,
  exportAppMonthlyProgressReport,
  exportAppServiceMonthReport,
  loadAppReportBase,
} from './reportRepo';

type ReportKind = 'service' | 'monthly';

type PeriodMode = 'month' | 'range';
type ScopeKind = ReportScope['kind'];

const emptyNarrative: ReportNarrative = { results: '', issues: '', nextSteps: '' };

const sameNarrative = (a: ReportNarrative, b: ReportNarrative) =>
  a.results === b.results && a.issues === b.issues && a.nextSteps === b.nextSteps;

/** The texts on the page and the draft they started from: they differ once the officer edits. */
interface ReportTexts {
  narrative: ReportNarrative;
  drafted: ReportNarrative;
}

export function ReportsPage() {
  const { modal } = AntApp.useApp();
  const settings = useSettings();
  // 项目库概况's 导出月度进展表 opens this page on the monthly workbook, its month and town.
  const [params] = useSearchParams();
  const [report, setReport] = useState<ReportKind>(() => (params.get('report') === 'monthly' ? 'monthly' : 'service'));
  const [mode, setMode] = useState<PeriodMode>('month');
  const [month, setMonth] = useState<Dayjs>(() =>
    /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? dayjs(`${params.get('month')}-01`) : dayjs(shanghaiDate()).startOf('month'),
  );
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs(shanghaiDate()).startOf('month'), dayjs(shanghaiDate())]);
  const [scopeKind, setScopeKind] = useState<ScopeKind>(() => (params.get('town') ? 'town' : 'all'));
  const [town, setTown] = useState<string | undefined>(() => params.get('town') ?? undefined);
  const [officer, setOfficer] = useState<string | undefined>();
  const [unitEdit, setUnitEdit] = useState<string | null>(null);
  const [texts, setTexts] = useState<ReportTexts>({ narrative: emptyNarrative, drafted: emptyNarrative });
  const narrative = texts.narrative;
  const edited = !sameNarrative(texts.narrative, texts.drafted);
  const setNarrative = (next: ReportNarrative) => setTexts((prev) => ({ ...prev, narrative: next }));
  const [data, setData] = useState<{ key: string; figures: ServiceMonthFigures; base: ReportBase } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const workbookExport = useWorkbookExport();

  // On a fresh laptop the settings row does not exist yet: create it (the defaults) so counting can start.
  useEffect(() => {
    void loadSettings();
  }, []);

  const unit = unitEdit ?? settings?.officerUnit ?? '';
  const asOf = shanghaiDate();
  const officers = useLiveQuery(
    () => assignedOfficers(),
    [],
  );

  const period: ReportPeriod = useMemo(
    () =>
      mode === 'month'
        ? monthPeriod(month.format('YYYY-MM'))
        : { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') },
    [mode, month, range],
  );
  const scope: ReportScope | null = useMemo(() => {
    if (scopeKind === 'town') return town ? { kind: 'town', town } : null;
    if (scopeKind === 'officer') return officer ? { kind: 'officer', officer } : null;
    return { kind: 'all' };
  }, [scopeKind, town, officer]);
  const key = JSON.stringify([period, scope]);
  const monthly = report === 'monthly';
  const monthText = month.format('YYYY-MM');
  const libraryTown = scope?.kind === 'town' ? scope.town : undefined;
  const libraryKey = `${monthText}|${libraryTown ?? ''}`;
  const [library, setLibrary] = useState<{ key: string; overview: LibraryOverview } | null>(null);

  useEffect(() => {
    if (!monthly || scope === null) return;
    let stale = false;
    loadLibraryOverview(monthText, libraryTown).then(
      (overview) => !stale && (setLibrary({ key: libraryKey, overview }), setFailure(null)),
      (error: unknown) => !stale && setFailure(`统计失败：${describeError(error)}`),
    );
    return () => {
      stale = true;
    };
  }, [monthly, scope, monthText, libraryTown, libraryKey]);
  const overview = library?.key === libraryKey ? library.overview : null;

  // Re-count whenever the period or scope changes, and re-draft the three texts from the new figures
  // (texts the officer edited are kept: a change of period or scope asked before marking them
  // discardable, and a recount for the same scope, e.g. settings saved elsewhere, keeps them).
  useEffect(() => {
    if (scope === null || settings === undefined) return;
    let stale = false;
    (async () => {
      try {
        const base = await loadAppReportBase();
        const figures = await computeAppReportFigures(base, period, scope, asOf, settings);
        if (stale) return;
        setData({ key, figures, base });
        const draft = draftNarrative(figures);
        setTexts((prev) => (sameNarrative(prev.narrative, prev.drafted) ? { narrative: draft, drafted: draft } : prev));
        setFailure(null);
      } catch (error) {
        if (!stale) setFailure(`统计失败：${describeError(error)}`);
      }
    })();
    return () => {
      stale = true;
    };
  }, [key, period, scope, asOf, settings]);

  const figures = data?.key === key ? data.figures : null;
  const exporting = workbookExport.exporting;

  /**
   * A change of period or scope re-drafts the three texts: when the officer has edited them, it asks
   * first, and 保留修改 leaves both the texts and the period/scope as they were.
   */
  function changeScope(apply: () => void) {
    // The monthly workbook has no texts to lose.
    if (!edited || monthly) {
      apply();
      return;
    }
    modal.confirm({
      title: '放弃已修改的报告文字？',
      content: '更改统计期间或范围后，成效、存在问题、下一步措施将按新的数据重新生成，已修改的文字会丢失。',
      okText: '重新生成',
      cancelText: '保留修改',
      onOk: () => {
        // The texts as they stand become the "draft": the next count replaces them.
        setTexts((prev) => ({ ...prev, drafted: prev.narrative }));
        apply();
      },
    });
  }

  async function runExport() {
    if (monthly) {
      if (!overview || !settings) return;
      await workbookExport.run(
        (options) =>
          exportAppMonthlyProgressReport(
            api,
            { month: monthText, town: libraryTown, unit, asOf: shanghaiDate(), overrides: settings.calendarOverrides },
            options,
          ),
        (fileName) => `已导出：${fileName}`,
      );
      return;
    }
    if (!data || !figures || !settings) return;
    await workbookExport.run(async (options) => {
      // Count again at export time, so 汇总 agrees with the ledger rows written beside it even if
      // records changed since the page counted (the texts stay as the officer edited them).
      const base = await loadAppReportBase();
      const fresh = await computeAppReportFigures(base, figures.period, figures.scope, shanghaiDate(), settings);
      return exportAppServiceMonthReport(api, { figures: fresh, base, unit, narrative, overrides: settings.calendarOverrides }, options);
    }, (fileName) => `已导出：${fileName}`);
  }

  const p = figures?.problems;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        报表导出
      </Typography.Title>
      <Radio.Group
        value={report}
        disabled={exporting}
        aria-label="报表类型"
        onChange={(e) => {
          const next = e.target.value as ReportKind;
          if (next === 'monthly') {
            setMode('month');
            if (scopeKind === 'officer') setScopeKind('all');
          }
          setReport(next);
        }}
      >
        <Radio.Button value="service">服务月报告</Radio.Button>
        <Radio.Button value="monthly">重点项目月度进展表</Radio.Button>
      </Radio.Group>
      {monthly ? (
        <>
          <Typography.Text type="secondary">
            导出重点外资项目月度进展表：概况、在库项目进展、入库出库、项目诉求四张工作表，可按区镇或全部导出。
          </Typography.Text>
          <Typography.Text type="secondary">
            打印：各表横向、一页宽，每页重复标题和表头，正文不小于 8 磅。概况、在库项目进展、入库出库用 A4 纸；项目诉求列较多，请用 A3 纸打印。
          </Typography.Text>
        </>
      ) : (
        <>
          <Typography.Text type="secondary">
            导出“服务外企、重点项目推进月”工作情况报告：汇总、走访台账、问题清单、重点项目进展、经营监测、集体活动六张工作表（经营监测为统计期末月份的经营数据；集体活动为政策宣讲、对话沙龙、现场联合办公的场次、覆盖和政策触达）。
          </Typography.Text>
          <Typography.Text type="secondary">
            打印：各表横向、一页宽，每页重复标题和表头，正文不小于 8 磅。汇总、走访台账、重点项目进展、经营监测、集体活动用 A4 纸；问题清单列较多，请用 A3 纸打印。走访台账的“统一社会信用代码”列只在文件中，不打印。
          </Typography.Text>
        </>
      )}

      <Card size="small" title="统计口径">
        <Form layout="vertical" disabled={exporting}>
          <Space wrap align="start" size="large">
            <Form.Item label="统计期间">
              <Space orientation="vertical">
                <Radio.Group
                  value={mode}
                  disabled={monthly}
                  onChange={(e) => changeScope(() => setMode(e.target.value as PeriodMode))}
                  aria-label="期间方式"
                >
                  <Radio.Button value="month">按月</Radio.Button>
                  <Radio.Button value="range">按日期区间</Radio.Button>
                </Radio.Group>
                {mode === 'month' ? (
                  <DatePicker
                    picker="month"
                    aria-label="统计月份"
                    allowClear={false}
                    value={month}
                    format="YYYY-MM"
                    onChange={(value) => value && changeScope(() => setMonth(value))}
                  />
                ) : (
                  <DatePicker.RangePicker
                    aria-label="统计区间"
                    allowClear={false}
                    value={range}
                    format="YYYY-MM-DD"
                    onChange={(value) => {
                      const [from, to] = value ?? [];
                      if (from && to) changeScope(() => setRange([from, to]));
                    }}
                  />
                )}
              </Space>
            </Form.Item>
            <Form.Item label="统计范围">
              <Space orientation="vertical">
                <Radio.Group
                  value={scopeKind}
                  onChange={(e) => changeScope(() => setScopeKind(e.target.value as ScopeKind))}
                  aria-label="统计范围"
                >
                  <Radio.Button value="all">全部</Radio.Button>
                  <Radio.Button value="town">按区镇</Radio.Button>
                  {!monthly && <Radio.Button value="officer">按服务专员</Radio.Button>}
                </Radio.Group>
                {scopeKind === 'town' && (
                  <Select
                    aria-label="区镇"
                    placeholder="选择区镇"
                    style={{ width: 240 }}
                    value={town}
                    onChange={(value) => changeScope(() => setTown(value))}
                    options={(settings?.towns ?? []).map((t) => ({ value: t, label: t }))}
                  />
                )}
                {scopeKind === 'officer' && (
                  <Select
                    aria-label="服务专员"
                    placeholder="选择服务专员"
                    style={{ width: 240 }}
                    showSearch
                    value={officer}
                    onChange={(value) => changeScope(() => setOfficer(value))}
                    options={(officers ?? []).map((o) => ({ value: o, label: o }))}
                  />
                )}
              </Space>
            </Form.Item>
            <Form.Item label="填报单位" htmlFor="report-unit">
              <Input
                id="report-unit"
                style={{ width: 260 }}
                value={unit}
                placeholder="如：吴江开发区"
                onChange={(e) => setUnitEdit(e.target.value)}
              />
            </Form.Item>
          </Space>
        </Form>
      </Card>

      {failure && <Alert type="error" showIcon title={failure} />}
      {scope === null && <Alert type="info" showIcon title={scopeKind === 'town' ? '请选择区镇' : '请选择服务专员'} />}

      {monthly && overview && (
        <Card size="small" title={`项目库概况（${overview.month} 末）`}>
          <Descriptions size="small" column={4} bordered>
            <Descriptions.Item label="在库项目">{overview.current.projects}</Descriptions.Item>
            <Descriptions.Item label="较上月">{overview.change.projects}</Descriptions.Item>
            <Descriptions.Item label="本月入库 / 出库">
              {overview.entries.length} / {overview.exits.length}
            </Descriptions.Item>
            <Descriptions.Item label="项目诉求">{overview.requests.total}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      {!monthly && figures && p && (
        <Card size="small" title={`主要数据（截至 ${figures.asOf}）`}>
          <Descriptions size="small" column={4} bordered>
            <Descriptions.Item label="走访次数">{figures.visits}</Descriptions.Item>
            <Descriptions.Item label="走访企业 / 联系企业">
              {figures.enterprisesVisited} / {figures.enterprisesAssigned}
            </Descriptions.Item>
            <Descriptions.Item label="覆盖率">{formatRate(figures.coverageRate)}</Descriptions.Item>
            <Descriptions.Item label="收集问题">{p.total}</Descriptions.Item>
            <Descriptions.Item label="按期答复">{p.answeredOnTime}</Descriptions.Item>
            <Descriptions.Item label="逾期答复">{p.answeredLate}</Descriptions.Item>
            <Descriptions.Item label="逾期未答复">{p.overdue}</Descriptions.Item>
            <Descriptions.Item label="未答复">{p.unanswered}</Descriptions.Item>
            {figures.activities ? (
              <>
                <Descriptions.Item label="集体活动">
                  {figures.activities.activities} 场，{figures.activities.enterprisesReached} 家企业参加
                </Descriptions.Item>
                <Descriptions.Item label="走访或活动覆盖率">{formatRate(figures.activities.coverage.reachedRate)}</Descriptions.Item>
              </>
            ) : null}
          </Descriptions>
        </Card>
      )}

      {/* Until a town/officer is picked the texts would still describe the previous scope. */}
      {!monthly && scope !== null && (
        <Card size="small" title="报告文字（已按数据生成，可修改；更改期间或范围会重新生成）">
          <Form layout="vertical" disabled={exporting}>
            <Form.Item label="成效" htmlFor="report-results">
              <Input.TextArea
                id="report-results"
                autoSize={{ minRows: 3, maxRows: 10 }}
                value={narrative.results}
                onChange={(e) => setNarrative({ ...narrative, results: e.target.value })}
              />
            </Form.Item>
            <Form.Item label="存在问题" htmlFor="report-issues">
              <Input.TextArea
                id="report-issues"
                autoSize={{ minRows: 3, maxRows: 10 }}
                value={narrative.issues}
                onChange={(e) => setNarrative({ ...narrative, issues: e.target.value })}
              />
            </Form.Item>
            <Form.Item label="下一步措施" htmlFor="report-next-steps">
              <Input.TextArea
                id="report-next-steps"
                autoSize={{ minRows: 3, maxRows: 10 }}
                value={narrative.nextSteps}
                onChange={(e) => setNarrative({ ...narrative, nextSteps: e.target.value })}
              />
            </Form.Item>
          </Form>
        </Card>
      )}

      <Space align="center" wrap>
        <Button type="primary" onClick={() => void runExport()} disabled={(monthly ? !overview : !figures) || exporting} loading={exporting}>
          导出 Excel
        </Button>
        <Typography.Text type="secondary">文件名：{monthly ? monthlyProgressFileName(monthText, unit) : reportFileName(period, unit)}</Typography.Text>
      </Space>
      <ExportProgressBar control={workbookExport} />
    </Space>
  );
}
