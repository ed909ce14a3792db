import { useEffect } from 'react';
import type { Settings } from '../../../shared/domain/records';
import { loadSettings, useSettings } from '../db/settingsStore';

/**
 * Live settings, created with the defaults on first use: a screen opened straight from a link on a
 * new laptop (e.g. `/enterprises?new=1`) must not wait for another screen to create them.
 */
export function useEnsuredSettings(): Settings | undefined {
  const settings = useSettings();
  useEffect(() => {
    if (settings === undefined) void loadSettings();
  }, [settings]);
  return settings;
}
