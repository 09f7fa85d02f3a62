import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lightFill, lightSoft } from '../../renderer/src/charts/colors';
import { pngFileName, svgMarkup } from '../../renderer/src/charts/png';
import { lightColors } from '../../shared/domain/progress-status';

describe('chart helpers', () => {
  it('chart light colours are the ones progress.css gives the light dots', () => {
    const css = readFileSync('renderer/src/styles/progress.css', 'utf8');
    for (const color of lightColors) {
      const strong = new RegExp(`--light-${color}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1];
      const soft = new RegExp(`--light-${color}-soft:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1];
      expect(lightFill[color].toLowerCase()).toBe(strong?.toLowerCase());
      expect(lightSoft[color].toLowerCase()).toBe(soft?.toLowerCase());
    }
  });

  it('PNG names keep the Chinese title and drop characters Windows refuses', () => {
    expect(pngFileName('婴儿死亡率（‰）')).toBe('婴儿死亡率（‰）.png');
    expect(pngFileName('按科室: 灯色/分布')).toBe('按科室_灯色_分布.png');
    expect(pngFileName(' ?? ')).toBe('图表.png');
  });

  it('the exported SVG carries its size, namespace and a Chinese font', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '320');
    svg.setAttribute('height', '180');
    svg.innerHTML = '<text x="10" y="20">目标</text>';
    const { markup, width, height } = svgMarkup(svg);
    expect([width, height]).toEqual([320, 180]);
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).toContain('Noto Sans CJK SC');
    expect(markup).toContain('目标');
  });
});
