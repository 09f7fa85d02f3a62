import type { LightColor } from '../domain/progress-status';

/*
 * The one palette of every chart: the dashboard (recharts) and the report images (SVG rasterised
 * for Word) read these, so a red light is the same red on screen and on paper. Fills are literal
 * values because exported SVG cannot read CSS variables; they repeat `--light-*` in
 * renderer/src/styles/progress.css (a test keeps them equal).
 */

export const lightFill: Readonly<Record<LightColor, string>> = {
  green: '#2e9e5b',
  yellow: '#d9a200',
  red: '#d2352b',
  grey: '#a3adb8',
};

export const lightSoft: Readonly<Record<LightColor, string>> = {
  green: '#e6f4ea',
  yellow: '#fff6d6',
  red: '#fdeceb',
  grey: '#f0f2f5',
};

/** Chart ink that is not a light: the accent line, muted reference lines, grid and axis text. */
export const chartInk = {
  accent: '#1f4e8c',
  target: '#1f4e8c',
  baseline: '#5f6b7a',
  expected: '#b9cbe3',
  grid: '#dde3ea',
  axis: '#5f6b7a',
  text: '#1f2933',
} as const;

/** The quarter states' colours, the same on 总览 (cards and donut) and in the Word report's figure. */
export const quarterStateFill = {
  已完成: '#1b7a3d',
  按序时推进: lightFill.green,
  滞后: lightFill.red,
  未填报: lightFill.grey,
} as const;

/** Colours for the status donut, in the order of the statuses a clerk sees (the quarter states in theirs). */
export const statusFill: Readonly<Record<string, string>> = {
  已完成: quarterStateFill.已完成,
  已办结: '#1b7a3d',
  推进中: '#1f4e8c',
  按序时推进: quarterStateFill.按序时推进,
  长期坚持: '#6b8fc4',
  未启动: '#c4ccd6',
  滞后: quarterStateFill.滞后,
  暂缓: '#d9a200',
  未填报: quarterStateFill.未填报,
};

/** The words of the key under a chart coloured by lights. */
export const lightLegendLabels: Readonly<Record<LightColor, string>> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  grey: '灰灯（无数据）',
};

/** Text on a light-coloured segment: dark on the pale ones, white on the strong ones. */
export const inkOnLight: Readonly<Record<LightColor, string>> = {
  green: '#ffffff',
  yellow: chartInk.text,
  red: '#ffffff',
  grey: chartInk.text,
};
