import { App as AntApp, ConfigProvider, notification, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { AppRoutes } from './AppRoutes';
import { api } from './bridge/api';
import { AppLockGate } from './features/appLock/AppLockGate';
import { OpeningFrame } from './components/OpeningFrame';
import { startDialogsInTheirFirstField } from './components/dialogFocus';
import { keepSelectClearButtonsOutOfTabOrder } from './components/selectClearButtons';
import { ledgerDb } from './db/db';
import { backupBeforeUpgrade } from './db/preUpgradeBackup';
import { requestPersistentStorage } from './db/localStorageState';
import { describeError } from '../../shared/errors/describeError';
import { recalculateAfterCalendarUpdate } from './features/settings/calendarRepo';
// The debug and benchmark hooks only in test and benchmark builds (VITE_DEBUG_HOOKS=1, vite.config.ts).
if (import.meta.env.VITE_DEBUG_HOOKS === '1') void import('./debugHooks');
import './styles.css';

dayjs.locale('zh-cn');

/** The last calendar-package year this laptop's provisional deadlines were computed against. */
const calendarPackageYearKey = 'visit-ledger.calendarPackageYear';

const root = document.getElementById('root');
if (!root) throw new Error('缺少 #root 元素');

keepSelectClearButtonsOutOfTabOrder();
startDialogsInTheirFirstField();
const reactRoot = createRoot(root);

function render(content: ReactNode) {
  reactRoot.render(
    <StrictMode>
      {/* Chinese UI writes two-character buttons as words ("取消"), not letter-spaced ("取 消"). No
          motion: antd's enter/leave animations wait for a transition event that does not come when a
          state flips back before it ran (a quick save, a list opened and closed in one keystroke), and
          the element stays half-left: a closed enterprise list kept the dialog's Esc for itself, and a
          button kept a hidden spinner. Dialogs and lists appear at once on an officer's old laptop. */}
      <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1f5fa8', borderRadius: 4, motion: false } }}>
        <AntApp>{content}</AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}

// The frame paints at once; the database is opened behind it, before any screen reads, so a database
// this version cannot open (made by a newer version, or blocked) is one clear page rather than every
// screen failing on its own. When this build is about to upgrade its schema, the desktop app first
// writes a backup of it as it is; a backup that cannot be written is said, and the upgrade (one
// transaction) goes ahead.
const opened = backupBeforeUpgrade(ledgerDb().name, api)
  .catch((error: unknown) => {
    console.error('升级前备份失败', error);
    notification.warning({ title: '升级前的自动备份未完成', description: describeError(error), placement: 'bottomRight', duration: 0 });
  })
  .then(() => ledgerDb().open());
render(<OpeningFrame />);
opened.then(
  () => {
    // Hash routing: the same build loads from app://, from a static server and from tests. A data
    // router (not <HashRouter>) so that a form with unsaved typing can ask before leaving (useBlocker).
    // Made now, not earlier: a menu click on the opening frame has moved the address since.
    const router = createHashRouter([{ path: '*', element: <AppRoutes /> }]);
    // The app lock (if set in 设置) stands in front of every screen, the router included.
    render(
      <AppLockGate pending={<OpeningFrame />}>
        <RouterProvider router={router} />
      </AppLockGate>,
    );
    void requestPersistentStorage();
    // An update may bring next year's holiday notice in the calendar package: the deadlines that
    // were provisional (待确认) for want of it are computed again once, in the background.
    void recalculateAfterCalendarUpdate({
      get: () => localStorage.getItem(calendarPackageYearKey),
      set: (year) => localStorage.setItem(calendarPackageYearKey, year),
    }).catch((error: unknown) => console.error('答复期限重新计算失败', error));
    // The desktop app's daily backup, behind the first screen: it never holds the officer up, and a
    // failure is a quiet notice, not a stop (dailyBackup.ts; the browser only reminds, in 设置).
    // Loaded apart: the package writer and its crypto are not part of the first screen's code.
    void import('./features/exchange/dailyBackup').then(({ runDailyBackup }) =>
      runDailyBackup({
        bridge: api,
        notify: (text) => notification.warning({ title: '自动备份未完成', description: text, placement: 'bottomRight', duration: 0 }),
      }),
    );
  },
  (error: unknown) => {
    console.error('数据库未能打开', error);
    render(<Result status="error" title="本机数据库未能打开" subTitle={`${describeError(error)}已存的数据没有被改动。`} />);
  },
);
