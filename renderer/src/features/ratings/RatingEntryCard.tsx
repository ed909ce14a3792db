// 录入评议表: paper forms typed in quickly. Choose the enterprise by typing its name (pinyin initials
// or credit code; Enter picks), the target (the next one this enterprise has not rated is offered),
// then each question with a number key — on 满意度 1 满意, 2 基本满意, 3 不满意, on 评分 the score — which
// answers and moves to the next question (Tab moves on without answering, arrows change an answer,
// Delete clears it), the comment, and Ctrl+Enter (or the button) saves and opens the next form: the
// same enterprise's next target, or, when it has rated them all, a new enterprise. When the enterprise
// already has a form for the target, the card says so, shows its answers, and saving replaces it.
import { Alert, App, Button, Card, Flex, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { ratingTargetKindLabels, type RatingAnswer, type RatingRound, type RatingTargetKind } from '../../../../shared/domain/ratingRecords';
import { describeError } from '../../../../shared/errors/describeError';
import { RuleError } from '../../../../shared/errors/ruleError';
import { answerFromKey, keyOfAnswer, roundTargets, scaleAnswers } from '../../../../shared/ratings/ratingInput';
import { useLiveData } from '../../components/useLiveData';
import { useSettings } from '../../db/settingsStore';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { ratedTargetsOf, saveRating } from './ratingsRepo';

const targetKey = (kind: RatingTargetKind, target: string) => `${kind}|${target}`;
const ENTERPRISE_FIELD = 'rating-entry-enterprise';
const TARGET_FIELD = 'rating-entry-target';

export function RatingEntryCard({ round, onClose }: { round: RatingRound; onClose: () => void }) {
  const settings = useSettings();
  const { message } = App.useApp();
  const targets = roundTargets(round);
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [enterpriseName, setEnterpriseName] = useState('');
  const [chosenTarget, setChosenTarget] = useState<string>(targetKey(targets[0]!.kind, targets[0]!.target));
  const [answers, setAnswers] = useState<Record<string, RatingAnswer | undefined>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const questionsRef = useRef<HTMLDivElement>(null);
  const commentRef = useRef<TextAreaRef>(null);

  // While another enterprise's forms load, the last one's are not shown as this one's.
  const ratedData = useLiveData(async () => (enterpriseId ? ratedTargetsOf(round.id, enterpriseId) : []), [round.id, enterpriseId]);
  const rated = ratedData.stale ? [] : (ratedData.value ?? []);
  const ratedKeys = new Set(rated.map((r) => targetKey(r.targetKind, r.target)));
  const existing = rated.find((r) => targetKey(r.targetKind, r.target) === chosenTarget);

  // A form already entered for this enterprise and target opens with its answers (saving replaces
  // it): once when it comes up, not on every re-read of the same form.
  const [shownExisting, setShownExisting] = useState<string>();
  if (existing && existing.id !== shownExisting) {
    setShownExisting(existing.id);
    setAnswers({ ...existing.answers });
    setComment(existing.comment);
  }

  const questionInput = (index: number): HTMLInputElement | null => {
    const row = questionsRef.current?.querySelectorAll<HTMLElement>('[data-question-row]')[index];
    return row?.querySelector<HTMLInputElement>('input:checked') ?? row?.querySelector<HTMLInputElement>('input') ?? null;
  };
  const focusQuestion = (index: number) => {
    if (index >= round.questions.length) commentRef.current?.focus();
    else questionInput(index)?.focus();
  };
  // Focus moves after React has drawn the new state (a checked radio to land on).
  const focusLater = (index: number) => setTimeout(() => focusQuestion(index), 0);

  function clearForm() {
    setShownExisting(undefined);
    setAnswers({});
    setComment('');
    setErrors([]);
  }

  function chooseEnterprise(id: string | undefined, name: string, alreadyRated: Set<string>) {
    setEnterpriseId(id);
    setEnterpriseName(name);
    clearForm();
    if (!id) return;
    const next = targets.find((t) => !alreadyRated.has(targetKey(t.kind, t.target))) ?? targets[0]!;
    setChosenTarget(targetKey(next.kind, next.target));
    // Straight to the first question: the target is already the next one this enterprise has not rated
    // (the new-user run typed digits into 评议对象, where they did nothing). Shift+Tab goes back to change it.
    focusLater(0);
  }

  async function submit() {
    if (!settings || saving) return;
    const [kind, ...rest] = chosenTarget.split('|');
    const target = rest.join('|');
    setSaving(true);
    setErrors([]);
    try {
      const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
      const saved = await saveRating(round.id, { enterpriseId, targetKind: kind, target, answers: given, comment }, settings);
      message.success(`已保存：${enterpriseName} 对「${target}」的评议表${saved.replaced ? '（已替换原表）' : ''}`);
      const done = new Set([...ratedKeys, chosenTarget]);
      const next = targets.find((t) => !done.has(targetKey(t.kind, t.target)));
      clearForm();
      if (next) {
        setChosenTarget(targetKey(next.kind, next.target));
        focusLater(0);
      } else {
        setEnterpriseId(undefined);
        setEnterpriseName('');
        setChosenTarget(targetKey(targets[0]!.kind, targets[0]!.target));
        setTimeout(() => document.getElementById(ENTERPRISE_FIELD)?.focus(), 0);
      }
    } catch (error) {
      setErrors(error instanceof RuleError ? error.issues.map((i) => i.message) : [`保存失败：${describeError(error)}`]);
    } finally {
      setSaving(false);
    }
  }

  const options = scaleAnswers(round.scale);
  return (
    <Card
      size="small"
      title="录入评议表"
      extra={
        <Button size="small" onClick={onClose}>
          收起
        </Button>
      }
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          键盘录入：输入企业名称选中后回车，评议对象自动选为下一个未录的（Shift+Tab 可返回更改）；每项按数字键作答并跳到下一项（
          {round.scale === 'satisfaction' ? '1 满意、2 基本满意、3 不满意' : '1–5 分'}；Tab 跳过，Delete 清除）；Ctrl+Enter 保存并录入下一份。
        </Typography.Text>
        <Flex gap={12} wrap>
          <label style={{ flex: 2, minWidth: 280, display: 'flex', flexDirection: 'column', gap: 4 }}>
            <Typography.Text strong>填表企业</Typography.Text>
            <EnterpriseSelect
              id={ENTERPRISE_FIELD}
              aria-label="填表企业"
              value={enterpriseId}
              onChange={(id, enterprise) => {
                void ratedTargetsOf(round.id, id ?? '').then((forms) =>
                  chooseEnterprise(id, enterprise?.name ?? '', new Set(forms.map((f) => targetKey(f.targetKind, f.target)))),
                );
              }}
            />
          </label>
          <label style={{ flex: 1, minWidth: 220, display: 'flex', flexDirection: 'column', gap: 4 }}>
            <Typography.Text strong>评议对象</Typography.Text>
            <Select
              id={TARGET_FIELD}
              aria-label="评议对象"
              style={{ width: '100%' }}
              value={chosenTarget}
              onChange={(value: string) => {
                setChosenTarget(value);
                clearForm();
                focusLater(0);
              }}
              options={targets.map((t) => {
                const key = targetKey(t.kind, t.target);
                return { value: key, label: `${t.target}（${ratingTargetKindLabels[t.kind]}）${ratedKeys.has(key) ? ' ✓已录' : ''}` };
              })}
            />
          </label>
        </Flex>
        {existing ? (
          <Alert
            type="warning"
            showIcon
            title={`${enterpriseName} 已有对「${existing.target}」的评议表（${existing.updatedAt.slice(0, 10)} 由 ${existing.updatedBy || '—'} 录入），下面是原表内容；保存将替换原表。`}
          />
        ) : null}
        {enterpriseId && rated.length > 0 ? (
          <Space size={4} wrap>
            <Typography.Text type="secondary">本企业已录：</Typography.Text>
            {rated.map((r) => (
              <Tag key={r.id}>{r.target}</Tag>
            ))}
          </Space>
        ) : null}
        <div ref={questionsRef}>
          {round.questions.map((question, index) => (
            <div
              key={question}
              data-question-row
              style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '4px 0' }}
              onKeyDown={(event) => {
                if (event.ctrlKey || event.altKey || event.metaKey) return;
                const answer = answerFromKey(round.scale, event.key);
                if (answer !== undefined) {
                  event.preventDefault();
                  setAnswers((a) => ({ ...a, [question]: answer }));
                  // At once, not after the render: the next key typed goes to the next question.
                  focusQuestion(index + 1);
                } else if (event.key === 'Delete' || event.key === 'Backspace') {
                  event.preventDefault();
                  setAnswers((a) => ({ ...a, [question]: undefined }));
                }
              }}
            >
              <Typography.Text style={{ width: 96 }}>
                {index + 1}. {question}
              </Typography.Text>
              <Radio.Group
                aria-label={question}
                name={`rating-question-${index}`}
                optionType="button"
                value={answers[question]}
                onChange={(event) => setAnswers((a) => ({ ...a, [question]: event.target.value as RatingAnswer }))}
                options={options.map((answer) => ({
                  value: answer,
                  label: round.scale === 'satisfaction' ? `${keyOfAnswer(round.scale, answer)} ${answer}` : `${answer} 分`,
                }))}
              />
            </div>
          ))}
        </div>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <Typography.Text strong>意见建议</Typography.Text>
          <Input.TextArea ref={commentRef} aria-label="意见建议" rows={2} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        {errors.length > 0 ? <Alert type="error" showIcon title={errors.join('；')} /> : null}
        <Flex gap={8}>
          <Button type="primary" loading={saving} disabled={!enterpriseId} onClick={() => void submit()}>
            保存并录入下一份（Ctrl+Enter）
          </Button>
          <Button
            onClick={() => {
              setAnswers({});
              setComment('');
            }}
          >
            清空本表
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
