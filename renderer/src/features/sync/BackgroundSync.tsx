// Mounted once with the app: a laptop linked to the bureau hub syncs now and every few minutes while
// the app is open. Offline or refused, it waits for the next turn; 数据交换 → 同步 shows what happened.
import { useEffect } from 'react';
import { useLiveData } from '../../components/useLiveData';
import { backgroundSyncMinutes, isLinkedToHub, runSync } from './syncRunner';

export function BackgroundSync() {
  const linked = useLiveData(() => isLinkedToHub(), ['hub-linked']).value;
  useEffect(() => {
    if (!linked) return;
    const turn = () => void runSync().catch(() => {}); // recorded in the status line by the sync itself
    turn();
    const timer = window.setInterval(turn, backgroundSyncMinutes * 60_000);
    return () => window.clearInterval(timer);
  }, [linked]);
  return null;
}
