// Settings for the problem screens: the live row, created with defaults on first use (a fresh
// laptop has no settings row until something asks for it).
import { useEffect } from 'react';
import type { Settings } from '../../../../shared/domain/records';
import { loadSettings, useSettings } from '../../db/settingsStore';

export function useLoadedSettings(): Settings | undefined {
  const settings = useSettings();
  useEffect(() => {
    if (settings === undefined) void loadSettings();
  }, [settings]);
  return settings;
}
