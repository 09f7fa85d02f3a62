import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MAX_PACKAGE_FILE_MB } from '../../shared/sync/limits';
import { createCoreApi } from './core-api';
import { releaseAfterEachTest } from './exchange-downloads';
import { openPage, renderApp } from './render-app';

/** Issue 14, finding 11: a 600 MB .tlpkg said "无法读取文件…"; it is refused from its size, before it is read. */

const { open } = releaseAfterEachTest();
const TODAY = new Date(2025, 3, 20, 12).getTime();
const MB = 1024 * 1024;

/** A picked file that claims `mb` MB; reading it is recorded (it must not happen). */
function claimed(name: string, mb: number) {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: mb * MB });
  const read = vi.spyOn(file, 'arrayBuffer');
  return { file, read };
}

describe('数据交换 → 导入数据包: files too large to read', () => {
  it('names the size and the limit and asks for parts, without reading the file or calling the core', async () => {
    const api = await createCoreApi({ departmentName: '疾控科', now: () => TODAY });
    open.push(api);
    renderApp(api, { now: () => new Date(TODAY) });
    await openPage('数据交换');
    fireEvent.click(await screen.findByRole('tab', { name: /^导入数据包/ }));
    const panel = within(screen.getByRole('tabpanel'));

    const large = claimed('下发.tlpkg', 150);
    fireEvent.change(panel.getByLabelText('选择数据包'), { target: { files: [large.file] } });
    const alert = await panel.findByRole('alert');
    expect(alert.textContent).toContain(`数据包“下发.tlpkg”有 150 MB，超过单个文件 ${MAX_PACKAGE_FILE_MB} MB 的上限，无法读取，未作任何改动。请让对方导出时选择分卷，每卷不超过 ${MAX_PACKAGE_FILE_MB} MB`);

    const huge = claimed('全量.tlpkg', 600);
    fireEvent.change(panel.getByLabelText('选择数据包'), { target: { files: [huge.file] } });
    await vi.waitFor(() => expect(panel.getByRole('alert').textContent).toContain('所选数据包共 600 MB'));
    expect(large.read).not.toHaveBeenCalled();
    expect(huge.read).not.toHaveBeenCalled();
    expect(api.callsNamed('sync.preview')).toEqual([]);
    // The picker is still there for the right files.
    expect(panel.getByRole('button', { name: '选择数据包…' })).toBeTruthy();
  });
});
