// 记录走访 / 编辑走访: one form for the visit, the month's 经营数据 as figures with its operations notes,
// the policies promoted, photos and files, and the problems raised. Saved as a draft while typed; Ctrl+S or Enter saves the visit.
// Leaving with unsaved typing asks first (another page, a reload, closing the window); the draft stays.
import { LeaveDraftedFormModal, useUnsavedFormGuard } from './LeaveDraftedFormModal';
import { showErrorOnForm } from '../../components/useRuleFormSave';
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, List, Result, Row, Space, Spin, Tag, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { visitTextLimits } from '../../../../shared/visits/visitLimits';
import { downscaledNote, keepOriginalsIssue, totalBytes } from '../../../../shared/visits/attachmentLimits';
import type { Draft, Enterprise, Policy, Settings } from '../../../../shared/domain/records';
import { isLive } from '../../../../shared/sync/recordStamp';
import { loadSettings } from '../../db/settingsStore';
import { describeError } from '../../../../shared/errors/describeError';
import { AttachmentPanel, type ShownAttachment } from './AttachmentPanel';
import { pickAttachments, sized, withChosenVersions, type PhotoVersions } from './attachmentPick';
import { loadDraft, visitDraftKey, type DraftSaveOutcome } from './draftStore';
import { ensureDefaultPolicies, livePolicies } from './policyRepo';
import { TabSafeSelect } from './TabSafeSelect';
import { useDraftAutosave } from './useDraftAutosave';
import {
  fromDraftValues,
  draftChain,
  isVisitDraftData,
  lengthRule,
  namesLengthRule,
  newVisitValues,
  notFutureRule,
  operationsFields,
  toDraftValues,
  toSaveRequest,
  visitValues,
  type VisitDraftData,
  type VisitFormValues,
} from './visitFormModel';
import { VisitProblemsField } from './VisitProblemsField';
import { loadVisitForEdit, saveVisitWithProblems, type PendingFile, type VisitForEdit } from './visitRepo';
import { RuleError } from '../../../../shared/errors/ruleError';
import { problemContext } from '../problems/problemRepo';
import { getEnterprise } from '../enterprises/enterpriseRepo';
import { defaultVisitFigureMonth } from '../../../../shared/operations/visitFigures';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { VisitFiguresFields } from './VisitFiguresFields';
import { prepareVisitFigures } from './visitFiguresSave';

interface FormSource {
  settings: Settings;
  enterprise: Enterprise;
  editing?: VisitForEdit;
  policies: Policy[];
  draftKey: string;
  draft?: Draft;
}

async function loadSource(enterpriseId: string | undefined, visitId: string | undefined): Promise<FormSource | string> {
  const settings = await loadSettings();
  await ensureDefaultPolicies(settings);
  const editing = visitId ? await loadVisitForEdit(visitId) : undefined;
  if (visitId && !editing) return '走访记录不存在或已被删除。';
  const id = editing?.visit.enterpriseId ?? enterpriseId ?? '';
  const enterprise = await getEnterprise(id);
  if (!enterprise || !isLive(enterprise)) return '企业不存在或已被删除。';
  const draftKey = visitId ? visitDraftKey.forEdit(visitId) : visitDraftKey.forNew(id);
  const [policies, draft] = await Promise.all([livePolicies(), loadDraft(draftKey)]);
  return { settings, enterprise, editing, policies, draftKey, draft: draft && isVisitDraftData(draft.data) ? draft : undefined };
}

export function VisitFormPage() {
  const { enterpriseId, visitId } = useParams();
  const navigate = useNavigate();
  const request = `${enterpriseId ?? ''}/${visitId ?? ''}`;
  const [loaded, setLoaded] = useState<{ request: string; source: FormSource | string }>();
  useEffect(() => {
    let cancelled = false;
    void loadSource(enterpriseId, visitId).then((source) => {
      if (!cancelled) setLoaded({ request, source });
    });
    return () => {
      cancelled = true;
    };
  }, [enterpriseId, visitId, request]);
  const source = loaded?.request === request ? loaded.source : undefined;

  if (source === undefined) return <Spin style={{ margin: 48 }} />;
  if (typeof source === 'string') {
    return (
      <Result status="404" title="无法记录走访" subTitle={source} extra={<Button onClick={() => navigate('/enterprises')}>返回企业名录</Button>} />
    );
  }
  return <VisitForm key={source.draftKey} source={source} />;
}

function VisitForm({ source }: { source: FormSource }) {
  const { settings, enterprise, editing, policies, draftKey } = source;
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<VisitFormValues>();
  const [pending, setPending] = useState<PendingFile[]>([]);
  const [removedIds, setRemovedIds] = useState<string[]>([]);
  // Both versions of each photo made smaller on this form, and the officer's 保留原图 choice:
  // `pending` always holds the version that would be stored (so the draft and the totals agree).
  const [photoVersions, setPhotoVersions] = useState<ReadonlyMap<string, PhotoVersions>>(new Map());
  const [keepOriginals, setKeepOriginals] = useState(false);
  const [picking, setPicking] = useState(false);
  const [offeredDraft, setOfferedDraft] = useState<Draft | undefined>(source.draft);
  const [saving, setSaving] = useState(false);
  const today = shanghaiDate();

  // The draft reads the latest files when the debounced save runs, not when it was scheduled.
  const filesRef = useRef({ pending, removedIds, offered: offeredDraft });
  useEffect(() => {
    filesRef.current = { pending, removedIds, offered: offeredDraft };
  }, [pending, removedIds, offeredDraft]);
  const readDraft = useCallback((): VisitDraftData => {
    const { pending: pendingFiles, removedIds: removedAttachmentIds, offered } = filesRef.current;
    return {
      values: toDraftValues(form.getFieldsValue(true) as Partial<VisitFormValues>),
      pendingFiles,
      removedAttachmentIds,
      // The draft still on offer travels inside the new one, so neither is lost before a decision.
      ...(offered ? { earlier: offered } : {}),
    };
  }, [form]);
  // Typing is kept from the first key, also while a found draft is still on offer (it used to be
  // dropped until 恢复草稿 or 丢弃草稿 was chosen).
  const autosave = useDraftAutosave(draftKey, readDraft, true);

  // Unsaved typing on the form (a restored draft counts: it is not a saved visit yet).
  const [dirty, setDirty] = useState(false);
  const edited = () => {
    setDirty(true);
    autosave.changed();
  };
  // Set when the visit was saved, so that the way back to the enterprise is not asked about.
  const savedRef = useRef(false);
  const blocker = useUnsavedFormGuard(dirty, savedRef);

  const restoreDraft = (draft: Draft) => {
    if (!isVisitDraftData(draft.data)) return;
    form.setFieldsValue(fromDraftValues(draft.data.values));
    setPending(draft.data.pendingFiles);
    setRemovedIds(draft.data.removedAttachmentIds);
    setOfferedDraft(undefined);
    setDirty(true);
    message.success('已恢复草稿');
  };

  const discardDraft = (draft: Draft) => {
    const discard = () => {
      setOfferedDraft(undefined);
      // What was typed on this page since is not part of the discarded draft: keep it as the draft.
      void autosave.discard().then(() => {
        if (dirty) autosave.changed();
      });
    };
    const files = draftChain(draft).flatMap((d) => d.pendingFiles);
    if (files.length === 0) {
      discard();
      return;
    }
    // Photos exist nowhere else once picked from a phone or a card: losing them must be a decision.
    modal.confirm({
      title: '丢弃草稿？',
      content: `草稿中有 ${files.length} 个尚未保存的附件（${files.map((f) => f.fileName).join('、')}），丢弃后无法找回。`,
      okText: '丢弃草稿和附件',
      okButtonProps: { danger: true },
      cancelText: '保留草稿',
      onOk: discard,
    });
  };

  const submit = async (values: VisitFormValues) => {
    if (picking) {
      message.warning('照片仍在处理，请稍候再保存');
      return;
    }
    setSaving(true);
    try {
      const kept = (editing?.attachments ?? []).map((a) => a.id).filter((id) => !removedIds.includes(id));
      // The month's figures: checked, an update of stored figures and a jump confirmed, before anything is written.
      const figures = await prepareVisitFigures(modal, enterprise.id, values.figures);
      if (figures === 'cancelled') {
        message.info('未保存：请核对经营数据后再保存走访');
        return;
      }
      const request = toSaveRequest(enterprise.id, values, { kept, pending }, editing?.visit.id, draftKey, figures);
      const who = await loadSettings();
      // The same context as every problem write: the officer, and the calendar with its entered years.
      const saved = await saveVisitWithProblems(request, problemContext(who));
      savedRef.current = true;
      await autosave.discard();
      const parts = [
        saved.problems.length > 0 ? `登记问题 ${saved.problems.length} 个` : '',
        saved.operations ? `${saved.operations.report.month} 经营数据已${saved.operations.replaced ? '更新' : '保存'}` : '',
      ].filter(Boolean);
      message.success(parts.length > 0 ? `走访已保存，${parts.join('，')}` : '走访已保存');
      navigate(`/enterprises/${enterprise.id}`);
    } catch (error) {
      // A refused rule shows at its field (scrolled into view) and, since the form is long, in a message too.
      const elsewhere = showErrorOnForm(form, error, { scroll: true });
      message.error({ content: elsewhere.join('；') || (error instanceof RuleError ? error.message : ''), duration: 10 });
    } finally {
      setSaving(false);
    }
  };

  // Ctrl+S (Cmd+S) saves from anywhere on the form, as officers expect from desktop apps.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        form.submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  const keptAttachments = (editing?.attachments ?? []).filter((a) => !removedIds.includes(a.id));
  const shownAttachments: ShownAttachment[] = [
    ...keptAttachments.map((a) => ({ key: a.id, fileName: a.fileName, mimeType: a.mimeType, blob: a.blob, stored: true })),
    ...pending.map((p) => {
      const versions = photoVersions.get(p.key);
      const note = versions && p.blob === versions.downscaled.blob ? downscaledNote(versions.original.blob.size, p.blob.size) : undefined;
      return { ...p, stored: false, ...(note ? { note } : {}) };
    }),
  ];
  // What the visit holds now, as it would be stored: the limits of a new pick count against it.
  const attachedNow = () => [...keptAttachments.map((a) => ({ fileName: a.fileName, size: a.size })), ...pending.map(sized)];
  // 'attachments' is a field the form shows but not one of its values (VisitFormValues).
  const showAttachmentIssues = (messages: string[]) => (form as FormInstance).setFields([{ name: 'attachments', errors: messages }]);

  const pickFiles = async (files: File[]) => {
    showAttachmentIssues([]);
    setPicking(true);
    try {
      const outcome = await pickAttachments(files, attachedNow(), keepOriginals);
      if (outcome.added.length > 0) {
        setPending((before) => [...before, ...outcome.added]);
        setPhotoVersions((before) => new Map([...before, ...outcome.versions]));
        edited();
      }
      showAttachmentIssues(outcome.refused);
    } catch (error) {
      showAttachmentIssues([`附件未能添加：${describeError(error)}`]);
    } finally {
      setPicking(false);
    }
  };

  const changeKeepOriginals = (keep: boolean) => {
    const next = withChosenVersions(pending, photoVersions, keep);
    const issue = keep ? keepOriginalsIssue(totalBytes([...keptAttachments.map((a) => ({ fileName: a.fileName, size: a.size })), ...next.map(sized)])) : undefined;
    if (issue) {
      showAttachmentIssues([issue]);
      return;
    }
    showAttachmentIssues([]);
    setKeepOriginals(keep);
    setPending(next);
    edited();
  };
  // A draft typed while an earlier one was on offer carries it: both can be brought back.
  const earlierDraft = offeredDraft && isVisitDraftData(offeredDraft.data) ? offeredDraft.data.earlier : undefined;
  const officerOptions = [...new Set([settings.officerName, enterprise.assignedOfficer].filter(Boolean))].map((o) => ({ value: o, label: o }));

  return (
    <div style={{ maxWidth: 1100 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {editing ? '编辑走访' : '记录走访'}：<Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link>
      </Typography.Title>

      {offeredDraft ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`发现未保存的草稿（${dayjs(offeredDraft.updatedAt).format('YYYY-MM-DD HH:mm')}）`}
          description="在下方填写的内容也会自动存为草稿，这份草稿仍然保留，直到选择恢复或丢弃。"
          action={
            <Space>
              <Button size="small" type="primary" onClick={() => restoreDraft(offeredDraft)}>
                恢复草稿
              </Button>
              {earlierDraft ? (
                <Button size="small" onClick={() => restoreDraft(earlierDraft)}>
                  {`恢复更早的草稿（${dayjs(earlierDraft.updatedAt).format('MM-DD HH:mm')}）`}
                </Button>
              ) : null}
              <Button size="small" onClick={() => discardDraft(offeredDraft)}>
                丢弃草稿
              </Button>
            </Space>
          }
        />
      ) : null}

      <Form<VisitFormValues>
        form={form}
        layout="vertical"
        aria-label="走访记录"
        initialValues={editing ? visitValues(editing.visit) : newVisitValues(settings, today)}
        onValuesChange={(changed: Partial<VisitFormValues>) => {
          // Another visit date: its figures are for its own month (or the month before) by default.
          if (changed.date && dayjs.isDayjs(changed.date) && changed.date.isValid()) {
            form.setFieldValue(['figures', 'month'], defaultVisitFigureMonth(changed.date.format('YYYY-MM-DD'), shanghaiMonth()));
          }
          // A refusal said at a figure goes once that figure is typed in again.
          if (changed.figures) {
            (form as FormInstance).setFields(Object.keys(changed.figures).map((key) => ({ name: ['figures', key], errors: [] })));
          }
          edited();
        }}
        onFinish={(values) => void submit(values)}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name);
          message.error('请先补全标红的项目');
        }}
        scrollToFirstError
      >
        <Card size="small" title="走访信息" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item label="走访日期" name="date" rules={[{ required: true, message: '请选择走访日期' }, notFutureRule(today)]}>
                <DatePicker autoFocus style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="走访类型" name="type" rules={[{ required: true, message: '请选择走访类型' }]}>
                <TabSafeSelect options={settings.visitTypes.map((t) => ({ value: t, label: t }))} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label="走访人员"
                name="officers"
                rules={[
                  { required: true, type: 'array', min: 1, message: '请填写至少一名走访人员' },
                  namesLengthRule('走访人员姓名', visitTextLimits.officer),
                ]}
              >
                <TabSafeSelect mode="tags" options={officerOptions} placeholder="输入姓名后回车" tokenSeparators={[',', '，', '、']} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="接待人员" name="peopleMet" rules={[lengthRule('接待人员', visitTextLimits.peopleMet)]}>
                <Input placeholder="企业方参加人员及职务" count={{ show: true, max: visitTextLimits.peopleMet }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                label="走访情况"
                name="summary"
                rules={[{ required: true, whitespace: true, message: '请填写走访情况' }, lengthRule('走访情况', visitTextLimits.summary)]}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} count={{ show: true, max: visitTextLimits.summary }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title="企业生产经营情况" style={{ marginBottom: 16 }}>
          <VisitFiguresFields enterpriseId={enterprise.id} form={form} today={today} />
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            情况说明（文字，随走访记录保存）
          </Typography.Text>
          <Row gutter={16}>
            {operationsFields.map((f) => (
              <Col span={f.key === 'supplyChain' ? 24 : 12} key={f.key}>
                <Form.Item label={f.label} name={['operations', f.key]} rules={[lengthRule(f.label, visitTextLimits.operations)]}>
                  <Input placeholder={f.placeholder} count={{ show: true, max: visitTextLimits.operations }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        <Card size="small" title="宣讲政策" style={{ marginBottom: 16 }}>
          {/* No allowClear: its button is a Tab stop inside the field (Enter on it empties the list). */}
          <Form.Item label="宣讲的政策措施" name="policyIds" style={{ marginBottom: 0 }}>
            <TabSafeSelect
              mode="multiple"
              placeholder={policies.length ? '输入编号或关键词搜索' : '政策库为空'}
              showSearch={{ optionFilterProp: 'label' }}
              options={policies.map((p) => ({ value: p.id, label: `${p.code} ${p.title}` }))}
            />
          </Form.Item>
        </Card>

        <Card size="small" title="照片和附件" style={{ marginBottom: 16 }}>
          {/* A field of the form, so that a limit refused at the save shows here (RuleError at 'attachments'). */}
          <Form.Item name="attachments" style={{ marginBottom: 0 }}>
            <AttachmentPanel
              items={shownAttachments}
              picking={picking}
              onPick={(files) => void pickFiles(files)}
              onRemove={(item) => {
                if (item.stored) setRemovedIds((before) => [...before, item.key]);
                else setPending((before) => before.filter((p) => p.key !== item.key));
                showAttachmentIssues([]);
                edited();
              }}
              keepOriginals={{
                shown: keepOriginals || pending.some((p) => photoVersions.has(p.key)),
                checked: keepOriginals,
                onChange: changeKeepOriginals,
              }}
            />
          </Form.Item>
        </Card>

        <Card size="small" title="问题诉求" style={{ marginBottom: 16 }}>
          {editing && editing.problems.length > 0 ? (
            <List
              size="small"
              header={<Typography.Text type="secondary">本次走访已登记的问题（在“问题诉求”中办理）</Typography.Text>}
              dataSource={editing.problems}
              style={{ marginBottom: 12 }}
              renderItem={(p) => (
                <List.Item>
                  <Tag>{p.status}</Tag>
                  <Link to={`/problems/${p.id}`}>
                    {p.category}：{p.description}
                  </Link>
                </List.Item>
              )}
            />
          ) : null}
          <VisitProblemsField settings={settings} />
        </Card>

        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            保存走访
          </Button>
          <Button onClick={() => navigate(`/enterprises/${enterprise.id}`)}>返回企业</Button>
          <DraftStatus outcome={autosave.outcome} />
        </Space>
      </Form>

      <LeaveDraftedFormModal blocker={blocker} autosave={autosave} form="走访表单" record="走访记录" />
    </div>
  );
}

/** The line beside 保存走访: that drafts are kept, when the last one was, or loudly that it failed. */
function DraftStatus({ outcome }: { outcome: DraftSaveOutcome | undefined }) {
  if (outcome && !outcome.saved) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={`草稿未能保存：${describeError(outcome.error)}填写的内容仍在页面上，请不要关闭此页面。`}
      />
    );
  }
  return (
    <Typography.Text type="secondary">
      Ctrl+S 保存；填写内容会自动存为草稿{outcome ? `（${dayjs(outcome.at).format('HH:mm:ss')} 已存）` : ''}
    </Typography.Text>
  );
}
