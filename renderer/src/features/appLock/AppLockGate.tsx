// The app lock in front of every screen: asked at start (nothing is shown before it is answered) and
// after the idle time set in 设置. Locking after idle covers the screens without unmounting them, so
// a half-typed visit is exactly as it was after unlocking (and its draft is saved anyway).
import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { checkPasscode, idleLockDue, retryDelaySeconds } from '../../../../shared/security/appLock';
import { useSettings } from '../../db/settingsStore';
import { ForgottenPasscode } from './ForgottenPasscode';

/** How often idleness is checked; the lock comes at most this late. */
const idleCheckMs = 15_000;

export function AppLockGate({ children, pending = null }: { children: ReactNode; pending?: ReactNode }) {
  const settings = useSettings();
  const lock = settings?.appLock;
  const [unlockedOnce, setUnlockedOnce] = useState(false);
  const [locked, setLocked] = useState(true);
  const lastActivity = useRef(0); // set when the lock opens (unlock)

  useEffect(() => {
    if (!lock || locked) return;
    const touch = () => (lastActivity.current = Date.now());
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (idleLockDue(lastActivity.current, Date.now(), lock.idleMinutes)) setLocked(true);
    }, idleCheckMs);
    return () => {
      for (const name of events) window.removeEventListener(name, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [lock, locked]);

  const unlock = useCallback(() => {
    lastActivity.current = Date.now();
    setLocked(false);
    setUnlockedOnce(true);
  }, []);

  // The settings say whether there is a lock: a moment at most, in which the opening frame stays.
  if (settings === undefined) return <>{pending}</>;
  if (!lock) return <>{children}</>;
  const showLock = locked;
  return (
    <>
      {unlockedOnce ? (
        // Kept mounted under the lock (inert: no key or click reaches it), so nothing typed is lost.
        <div inert={showLock} aria-hidden={showLock} style={showLock ? { display: 'none' } : undefined}>
          {children}
        </div>
      ) : null}
      {showLock ? <LockScreen onUnlock={unlock} check={(passcode) => checkPasscode(lock, passcode)} /> : null}
    </>
  );
}

function LockScreen({ onUnlock, check }: { onUnlock: () => void; check: (passcode: string) => Promise<boolean> }) {
  const [passcode, setPasscode] = useState('');
  const [failures, setFailures] = useState(0);
  const [waitUntil, setWaitUntil] = useState(0);
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string>();
  const [now, setNow] = useState(() => Date.now());
  const [forgotten, setForgotten] = useState(false);

  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = window.setTimeout(() => setNow(Date.now()), 1000);
    return () => window.clearTimeout(timer);
  }, [waitUntil, now]);
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const submit = async () => {
    if (waitSeconds > 0 || checking || passcode === '') return;
    setChecking(true);
    try {
      if (await check(passcode)) {
        onUnlock();
        return;
      }
      const next = failures + 1;
      setFailures(next);
      setPasscode('');
      const delay = retryDelaySeconds(next);
      setNow(Date.now());
      setWaitUntil(Date.now() + delay * 1000);
      setMessage(delay > 0 ? `密码不正确（已错 ${next} 次），请 ${delay} 秒后再试` : '密码不正确');
    } finally {
      setChecking(false);
    }
  };

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="走访台账已锁定"
      style={{ position: 'fixed', inset: 0, zIndex: 2000, background: '#f0f2f5', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <div style={{ width: 360, background: '#fff', padding: 32, borderRadius: 8, boxShadow: '0 2px 12px rgba(0,0,0,0.08)' }}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            <LockOutlined /> 走访台账已锁定
          </Typography.Title>
          <Typography.Text type="secondary">请输入启动密码。</Typography.Text>
          <Form onFinish={() => void submit()}>
            <Form.Item label="启动密码" htmlFor="app-lock-passcode" style={{ marginBottom: 12 }}>
              <Input.Password id="app-lock-passcode" autoFocus value={passcode} onChange={(e) => setPasscode(e.target.value)} disabled={waitSeconds > 0} />
            </Form.Item>
            {message ? <Alert type="error" showIcon message={waitSeconds > 0 ? `密码不正确，请 ${waitSeconds} 秒后再试` : message} style={{ marginBottom: 12 }} /> : null}
            <Button type="primary" htmlType="submit" block loading={checking} disabled={waitSeconds > 0}>
              解锁
            </Button>
          </Form>
          <Button type="link" onClick={() => setForgotten(true)} style={{ padding: 0 }}>
            忘记密码？
          </Button>
        </Space>
      </div>
      <ForgottenPasscode open={forgotten} onClose={() => setForgotten(false)} />
    </div>
  );
}
