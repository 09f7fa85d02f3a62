import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { CoreApi } from './core-api';

export interface Download {
  readonly fileName: string;
  readonly blob: Blob;
}

/**
 * Catch the files the page saves (a Blob URL clicked as a download link), so a test can hand
 * the very bytes the clerk would carry on a USB stick to the other PC.
 */
export interface CapturedDownloads {
  readonly files: Download[];
  file(index?: number): Promise<File>;
  restore(): void;
}

export function captureDownloads(): CapturedDownloads {
  const blobs = new Map<string, Blob>();
  const files: Download[] = [];
  let next = 0;
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:exchange-${next++}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob) files.push({ fileName: this.download, blob });
  });
  return {
    files,
    async file(index = files.length - 1) {
      const download = files.at(index);
      if (!download) throw new Error('nothing was saved');
      return new File([await download.blob.arrayBuffer()], download.fileName);
    },
    restore() {
      create.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
    },
  };
}

/**
 * The cores a test opens and the downloads it catches, released after each test with the
 * rendered page: a download spy left in place would take the next test's clicks.
 */
export function releaseAfterEachTest(): { open: CoreApi[]; catchDownloads(): CapturedDownloads } {
  const open: CoreApi[] = [];
  let downloads: CapturedDownloads | null = null;
  afterEach(() => {
    cleanup();
    downloads?.restore();
    downloads = null;
    for (const api of open.splice(0)) api.close();
  });
  return { open, catchDownloads: () => (downloads = captureDownloads()) };
}
