// The forms behind the detail page's action buttons: one modal, the fields of the chosen action.
// Each save runs the pure transition in one transaction; a broken rule shows at its field.
// Every opening gets a new form holding only that action's fields (one form store shared by all
// actions used to carry the note typed for one action into the next). Esc, × and 取消 ask before
// unsaved typing is dropped; a reply and a reopening's reason are kept as drafts while typed.
import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  escalationMeetings,
  handlingModes,
  outcomeClasses,
  satisfactionLevels,
  type Problem,
  type Settings,
} from '../../../../shared/domain/records';
import { confirmedYears } from '../../../../shared/calendar/yearSchedule';
import { replyDeadlineChecked, uncertainDeadlineMessage } from '../../../../shared/problems/problemDeadline';
import {
  answerProblem,
  closeProblem,
  escalateProblem,
  listForRectification,
  recordSatisfaction,
  reopenProblem,
  transferProblem,
  updateProblemDates,
  updateProblemDetails,
  type ProblemContext,
} from '../../../../shared/problems/problemWorkflow';
import { useConfirmDiscard, valuesDiffer } from '../../components/unsavedChanges';
import { DateInput } from '../../components/DateInput';
import { changeProblem } from './problemRepo';
import { today } from '../../../../shared/calendar/shanghaiDate';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { dialogDraftKey, useDialogDraft } from './useDialogDraft';

export type ProblemAction =
  | 'transfer'
  | 'answer'
  | 'close'
  | 'escalate'
  | 'rectify'
  | 'satisfaction'
  | 'reopen'
  | 'dates'
  | 'details';

export const actionTitles: Record<ProblemAction, string> = {
  transfer: '转办',
  answer: '答复',
  close: '办结',
  escalate: '升级协调',
  rectify: '挂牌整改',
  satisfaction: '企业满意度',
  reopen: '重新办理',
  dates: '修改日期与办理方式',
  details: '编辑问题内容',
};

type Values = Record<string, string | boolean | undefined>;

const str = (v: Values[string]): string => (typeof v === 'string' ? v : '');
const optStr = (v: Values[string]): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function transitionFor(action: ProblemAction, v: Values): (p: Problem, ctx: ProblemContext) => Problem {
  switch (action) {
    case 'transfer':
      return (p, ctx) =>
        transferProblem(p, { department: str(v.department), transferDate: str(v.transferDate), comment: str(v.comment) }, ctx);
    case 'answer':
      return (p, ctx) =>
        answerProblem(
          p,
          {
            replyDate: str(v.replyDate),
            replyContent: str(v.replyContent),
            outcomeClass: optStr(v.outcomeClass) as Problem['outcomeClass'],
            comment: str(v.comment),
          },
          ctx,
        );
    case 'close':
      return (p, ctx) =>
        closeProblem(p, { comment: str(v.comment), closeDespiteDissatisfaction: v.closeDespiteDissatisfaction === true }, ctx);
    case 'escalate':
      return (p, ctx) =>
        escalateProblem(
          p,
          { meeting: str(v.meeting) as (typeof escalationMeetings)[number], date: str(v.escalationDate), note: str(v.note) },
          ctx,
        );
    case 'rectify':
      return (p, ctx) =>
        listForRectification(p, { owner: str(v.owner), deadline: str(v.rectificationDeadline), note: str(v.note) }, ctx);
    case 'satisfaction':
      return (p, ctx) =>
        recordSatisfaction(
          p,
          { satisfaction: str(v.satisfaction) as Problem['satisfaction'] & string, reason: str(v.satisfactionReason) },
          ctx,
        );
    case 'reopen':
      return (p, ctx) => reopenProblem(p, str(v.comment), ctx);
    case 'dates':
      return (p, ctx) =>
        updateProblemDates(
          p,
          {
            raisedDate: str(v.raisedDate),
            handling: str(v.handling) as Problem['handling'],
            department: str(v.department),
            transferDate: optStr(v.transferDate) ?? null,
            comment: str(v.comment),
          },
          ctx,
        );
    case 'details':
      return (p, ctx) =>
        updateProblemDetails(
          p,
          {
            category: str(v.category),
            description: str(v.description),
            request: str(v.request),
            isComplaint: v.isComplaint === true,
          },
          ctx,
        );
  }
}

function initialValues(action: ProblemAction, p: Problem): Values {
  const now = today();
  switch (action) {
    case 'transfer':
      // Passing a transferred problem on: the department it is with now is where the officer starts.
      return { transferDate: now, department: p.handling === '转办' && p.department ? p.department : undefined };
    case 'answer':
      return { replyDate: now };
    case 'escalate':
      return { meeting: '督办会', escalationDate: now };
    case 'rectify':
      return {
        owner: p.rectification?.owner,
        rectificationDeadline: p.rectification?.deadline,
        note: p.rectification?.note,
      };
    case 'satisfaction':
      return { satisfaction: p.satisfaction };
    case 'dates':
      return { raisedDate: p.raisedDate, handling: p.handling, department: p.department, transferDate: p.transferDate };
    case 'details':
      return { category: p.category, description: p.description, request: p.request, isComplaint: p.isComplaint };
    default:
      return {};
  }
}

const fieldsOf: Record<ProblemAction, string[]> = {
  transfer: ['department', 'transferDate', 'comment'],
  answer: ['replyDate', 'replyContent', 'outcomeClass', 'comment'],
  close: ['closeDespiteDissatisfaction', 'comment'],
  escalate: ['meeting', 'escalationDate', 'note'],
  rectify: ['owner', 'rectificationDeadline', 'note'],
  satisfaction: ['satisfaction', 'satisfactionReason'],
  reopen: ['comment'],
  dates: ['raisedDate', 'handling', 'department', 'transferDate', 'comment'],
  details: ['category', 'description', 'request', 'isComplaint'],
};

export interface ProblemActionModalProps {
  action: ProblemAction | undefined;
  problem: Problem;
  settings: Settings;
  onClose: () => void;
}

/** The drafts kept: the long texts an officer would hate to type twice. */
function draftKeyOf(action: ProblemAction, problemId: string): string | undefined {
  if (action === 'answer') return dialogDraftKey.problemAnswer(problemId);
  if (action === 'reopen') return dialogDraftKey.problemReopen(problemId);
  return undefined;
}

/** The latest 不满意 reason in the history, shown where the officer decides to close anyway. */
function dissatisfactionReason(p: Problem): string | undefined {
  const entry = [...p.history].reverse().find((h) => h.comment.startsWith('企业评价：'));
  return entry?.comment.startsWith('企业评价：不满意') ? entry.comment.replace(/^企业评价：不满意；?/, '') : undefined;
}

export function ProblemActionModal({ action, problem, settings, onClose }: ProblemActionModalProps) {
  // Keyed per opening: a new ActionDialog, so a new form; the closing one keeps its action to animate out.
  const [opening, setOpening] = useState<{ action: ProblemAction | undefined; shown: ProblemAction | undefined; key: number }>(
    { action, shown: action, key: 0 },
  );
  if (opening.action !== action) {
    setOpening({ action, shown: action ?? opening.shown, key: action ? opening.key + 1 : opening.key });
  }
  if (opening.shown === undefined) return null;
  return (
    <ActionDialog
      key={opening.key}
      action={opening.shown}
      open={action !== undefined}
      problem={problem}
      settings={settings}
      onClose={onClose}
    />
  );
}

function ActionDialog({
  action,
  open,
  problem,
  settings,
  onClose,
}: ProblemActionModalProps & { action: ProblemAction; open: boolean }) {
  const [form] = Form.useForm<Values>();
  const { saving, save, errorAlert, clearErrors } = useRuleFormSave(form);
  const raisedDate = Form.useWatch('raisedDate', form) as string | undefined;
  const handling = Form.useWatch('handling', form) as Problem['handling'] | undefined;
  const transferDate = Form.useWatch('transferDate', form) as string | undefined;
  const satisfaction = Form.useWatch('satisfaction', form) as string | undefined;
  const closingAnyway = Form.useWatch('closeDespiteDissatisfaction', form) === true;
  // What the form opened with, from the record as it was then: the yardstick for "unsaved typing".
  const [initial] = useState(() => initialValues(action, problem));
  const draft = useDialogDraft(form, draftKeyOf(action, problem.id), fieldsOf[action], () => form.resetFields());
  const confirmDiscard = useConfirmDiscard();

  function close() {
    clearErrors();
    onClose();
  }

  /** Esc, × and 取消: gone at once when nothing was typed; otherwise only once the officer agrees. */
  function requestClose() {
    const dirty = draft.restored || valuesDiffer(initial, form.getFieldsValue(true) as Values);
    confirmDiscard(dirty, () => {
      void draft.discard();
      close();
    });
  }

  // The deadline the change would give, recomputed as the dates are edited.
  let preview: { date: string; uncertain: boolean } | undefined;
  if (action === 'transfer' && transferDate) {
    preview = replyDeadlineChecked(
      { handling: '转办', raisedDate: problem.raisedDate, transferDate },
      settings.calendarOverrides,
      confirmedYears(settings.calendarYears),
    );
  } else if (action === 'dates' && raisedDate) {
    preview = replyDeadlineChecked(
      { handling: handling ?? problem.handling, raisedDate, transferDate: handling === '转办' ? transferDate : undefined },
      settings.calendarOverrides,
      confirmedYears(settings.calendarYears),
    );
  }

  async function submit() {
    if (!action) return;
    await save(async (values) => {
      await changeProblem(problem.id, settings, transitionFor(action, values));
      await draft.discard();
      close();
    });
  }

  const departments = settings.departments.map((d) => ({ value: d, label: d }));
  const required = (message: string) => [{ required: true, whitespace: true, message }];

  return (
    <Modal
      title={actionTitles[action]}
      open={open}
      onCancel={requestClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      {errorAlert}
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        name={`problem-${action}`}
        // A new form on every opening (ActionDialog is keyed per opening), so these fill each one.
        initialValues={initial}
        onValuesChange={() => draft.changed()}
      >
        {action === 'transfer' && (
          <>
            <Form.Item name="department" label="责任部门" rules={required('转办须选择责任部门')}>
              <Select showSearch placeholder="转办至哪个部门" options={departments} />
            </Form.Item>
            <Form.Item
              name="transferDate"
              label="转办日期"
              rules={required('请填写转办日期')}
              extra={`首问负责制：应在提出当日（${problem.raisedDate}）转交`}
            >
              <DateInput allowClear={false} />
            </Form.Item>
            <Form.Item name="comment" label="说明">
              <Input placeholder="可选" />
            </Form.Item>
          </>
        )}
        {action === 'answer' && (
          <>
            <Form.Item name="replyDate" label="答复日期" rules={required('请填写答复日期')}>
              <DateInput allowClear={false} />
            </Form.Item>
            <Form.Item name="replyContent" label="答复内容" rules={required('请填写答复内容')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="outcomeClass" label="办理结果" rules={required('请选择办理结果')}>
              <Radio.Group options={outcomeClasses.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </>
        )}
        {action === 'close' && problem.satisfaction === '不满意' && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`企业对答复不满意${dissatisfactionReason(problem) ? `（${dissatisfactionReason(problem)}）` : ''}`}
              description="应先「重新办理」；确需办结的，请勾选下方并说明理由。"
            />
            <Form.Item name="closeDespiteDissatisfaction" valuePropName="checked">
              <Checkbox>企业不满意，仍然办结</Checkbox>
            </Form.Item>
          </>
        )}
        {(action === 'close' || action === 'reopen') && (
          <Form.Item
            name="comment"
            label={action === 'reopen' ? '重新办理原因' : closingAnyway ? '仍然办结的理由' : '办结说明'}
            required={action === 'reopen' || closingAnyway}
            rules={action === 'reopen' ? required('请填写重新办理的原因') : []}
            extra={action === 'reopen' ? '原答复会保留在处理记录中' : undefined}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {action === 'escalate' && (
          <>
            <Form.Item name="meeting" label="提交会议" rules={required('请选择督办会或点评会')}>
              <Radio.Group options={escalationMeetings.map((m) => ({ value: m, label: m }))} />
            </Form.Item>
            <Form.Item name="escalationDate" label="会议日期" rules={required('请填写会议日期')}>
              <DateInput allowClear={false} />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {action === 'rectify' && (
          <>
            <Form.Item name="owner" label="整改责任人" rules={required('请填写整改责任人')}>
              <Input />
            </Form.Item>
            <Form.Item name="rectificationDeadline" label="整改期限" rules={required('请填写整改期限')}>
              <DateInput allowClear={false} />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {action === 'satisfaction' && (
          <>
            <Form.Item name="satisfaction" label="企业对答复的评价" rules={required('请选择满意度')}>
              <Radio.Group options={satisfactionLevels.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
            {/* The workflow refuses 不满意 without its reason and says so here. */}
            <Form.Item
              name="satisfactionReason"
              label={satisfaction === '不满意' ? '不满意原因' : '说明'}
              required={satisfaction === '不满意'}
              extra={satisfaction === '不满意' ? '企业对答复哪里不满意，记入处理记录' : undefined}
            >
              <Input.TextArea rows={2} placeholder={satisfaction === '不满意' ? undefined : '可选'} />
            </Form.Item>
          </>
        )}
        {action === 'dates' && (
          <>
            <Form.Item name="raisedDate" label="提出日期" rules={required('请填写提出日期')}>
              <DateInput allowClear={false} />
            </Form.Item>
            <Form.Item name="handling" label="办理方式">
              <Radio.Group options={handlingModes.map((h) => ({ value: h, label: h }))} />
            </Form.Item>
            <Form.Item name="department" label={handling === '转办' ? '责任部门（转办至）' : '责任部门'} required={handling === '转办'}>
              <Select allowClear showSearch options={departments} />
            </Form.Item>
            {handling === '转办' && (
              <Form.Item name="transferDate" label="转办日期" required>
                <DateInput />
              </Form.Item>
            )}
            <Form.Item name="comment" label="修改原因">
              <Input placeholder="可选" />
            </Form.Item>
          </>
        )}
        {action === 'details' && (
          <>
            <Form.Item name="category" label="问题类别" rules={required('请选择问题类别')}>
              <Select options={settings.categories.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="description" label="问题描述" rules={required('问题描述不能为空')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="request" label="企业诉求">
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="isComplaint" valuePropName="checked">
              <Checkbox>属于投诉</Checkbox>
            </Form.Item>
          </>
        )}
        {preview && (
          <Typography.Paragraph>
            新的答复期限：<Typography.Text strong>{preview.date}</Typography.Text>
          </Typography.Paragraph>
        )}
        {draft.status}
        {preview?.uncertain && <Alert type="warning" showIcon title={uncertainDeadlineMessage(preview.date)} />}
      </Form>
    </Modal>
  );
}
