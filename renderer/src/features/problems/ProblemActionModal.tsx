// The forms behind the detail page's action buttons: one modal, the fields of the chosen action.
// Each save runs the pure transition in one transaction; a broken rule shows at its field.
import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import {
  escalationMeetings,
  handlingModes,
  outcomeClasses,
  satisfactionLevels,
  type Problem,
  type Settings,
} from '../../../../shared/domain/records';
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
import { DateInput } from './DateInput';
import { changeProblem, today } from './problemRepo';
import { useRuleFormSave } from './ruleErrorToForm';

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
  escalate: '提交会议协调',
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
      return { transferDate: now };
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

export function ProblemActionModal({ action, problem, settings, onClose }: ProblemActionModalProps) {
  const [form] = Form.useForm<Values>();
  const { saving, save, errorAlert, clearErrors } = useRuleFormSave(form);
  const raisedDate = Form.useWatch('raisedDate', form) as string | undefined;
  const handling = Form.useWatch('handling', form) as Problem['handling'] | undefined;
  const transferDate = Form.useWatch('transferDate', form) as string | undefined;

  function close() {
    clearErrors();
    onClose();
  }

  // The deadline the change would give, recomputed as the dates are edited.
  let preview: { date: string; uncertain: boolean } | undefined;
  if (action === 'transfer' && transferDate) {
    preview = replyDeadlineChecked({ handling: '转办', raisedDate: problem.raisedDate, transferDate }, settings.calendarOverrides);
  } else if (action === 'dates' && raisedDate) {
    preview = replyDeadlineChecked(
      { handling: handling ?? problem.handling, raisedDate, transferDate: handling === '转办' ? transferDate : undefined },
      settings.calendarOverrides,
    );
  }

  async function submit() {
    if (!action) return;
    await save(fieldsOf[action], async (values) => {
      await changeProblem(problem.id, settings, transitionFor(action, values));
      close();
    });
  }

  const departments = settings.departments.map((d) => ({ value: d, label: d }));
  const required = (message: string) => [{ required: true, whitespace: true, message }];

  return (
    <Modal
      title={action ? actionTitles[action] : ''}
      open={action !== undefined}
      onCancel={close}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      {errorAlert}
      <Form
        form={form}
        layout="vertical"
        name={`problem-${action ?? 'none'}`}
        // Mounted afresh on every opening (destroyOnHidden), so these fill each new form.
        initialValues={action ? initialValues(action, problem) : undefined}
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
        {(action === 'close' || action === 'reopen') && (
          <Form.Item
            name="comment"
            label={action === 'reopen' ? '重新办理原因' : '办结说明'}
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
          <Form.Item name="satisfaction" label="企业对答复的评价" rules={required('请选择满意度')}>
            <Radio.Group options={satisfactionLevels.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        )}
        {action === 'dates' && (
          <>
            <Form.Item name="raisedDate" label="提出日期" rules={required('请填写提出日期')}>
              <DateInput allowClear={false} />
            </Form.Item>
            <Form.Item name="handling" label="办理方式">
              <Radio.Group options={handlingModes.map((h) => ({ value: h, label: h }))} />
            </Form.Item>
            <Form.Item name="department" label={handling === '转办' ? '责任部门（转办至）' : '办理部门'}>
              <Select allowClear showSearch options={departments} />
            </Form.Item>
            {handling === '转办' && (
              <Form.Item name="transferDate" label="转办日期">
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
        {preview?.uncertain && <Alert type="warning" showIcon title={uncertainDeadlineMessage(preview.date)} />}
      </Form>
    </Modal>
  );
}
