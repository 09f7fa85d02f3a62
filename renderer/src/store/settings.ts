import type { CallArgs } from '../../../shared/api';
import type { OfficeSettings } from '../../../shared/api/settings';
import { coalesce } from './coalesce';
import type { Outcome, Slice } from './types';

export interface SettingsSlice {
  readonly settings: OfficeSettings | null;
  loadSettings(): Promise<void>;
  saveSettings(args: CallArgs<'settings.update'>): Promise<Outcome<OfficeSettings>>;
}

export const SETTINGS_FIELDS = ['officeName', 'officeCode', 'clerkName', 'role'] as const;

export const createSettingsSlice: Slice<SettingsSlice> = ({ set, get, call }) => {
  const load = coalesce(async () => {
    const outcome = await call('settings.get', {});
    if (outcome.ok) set({ settings: outcome.value });
  });
  return {
    settings: null,
    loadSettings: load,
    saveSettings: async (args) => {
      const outcome = await call('settings.update', args, { fields: SETTINGS_FIELDS, success: '设置已保存' });
      if (outcome.ok) {
        set({ settings: outcome.value });
        // The header and 本机信息 show the office name from the status.
        void get().loadStatus();
      }
      return outcome;
    },
  };
};
