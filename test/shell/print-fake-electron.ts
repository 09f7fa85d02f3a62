import { EventEmitter } from 'node:events';
import { FakeWebContents } from './fake-electron';

/*
 * fake-electron with a BrowserWindow that can run the print view's script and print, and a
 * `shell` that records what it was asked to show. Use with:
 *   vi.mock('electron', () => import('./print-fake-electron'));
 */
export * from './fake-electron';

/** What the next print windows do; tests set it before each call. */
export const printBehaviour = {
  /** Rejects loadFile/loadURL when set. */
  loadError: null as Error | null,
  /** The print view answers ready from this poll on (1-based); null: never. */
  readyOnPoll: 1 as number | null,
  /** The page never answers the poll (a script stuck in a loop). */
  hang: false,
  /** The print view reports this failure instead of getting ready. */
  viewError: null as { message: string; code: string } | null,
  /** printToPDF's answer. */
  pdf: new Uint8Array(Buffer.from('%PDF-1.7\n%fake\n')) as Uint8Array | Error,
};

export const printRecord = {
  windows: [] as PrintWindow[],
  revealed: [] as string[],
};

export function resetPrintFake(): void {
  printBehaviour.loadError = null;
  printBehaviour.readyOnPoll = 1;
  printBehaviour.viewError = null;
  printBehaviour.hang = false;
  printBehaviour.pdf = new Uint8Array(Buffer.from('%PDF-1.7\n%fake\n'));
  printRecord.windows.length = 0;
  printRecord.revealed.length = 0;
}

class PrintContents extends FakeWebContents {
  polls = 0;
  scripts: string[] = [];
  pdfOptions: unknown[] = [];
  async executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    this.polls++;
    if (printBehaviour.hang) return new Promise(() => {});
    if (printBehaviour.viewError) return { ready: false, error: printBehaviour.viewError.message, code: printBehaviour.viewError.code };
    const ready = printBehaviour.readyOnPoll !== null && this.polls >= printBehaviour.readyOnPoll;
    return { ready, error: null, code: null };
  }
  async printToPDF(options: unknown): Promise<Uint8Array> {
    this.pdfOptions.push(options);
    if (printBehaviour.pdf instanceof Error) throw printBehaviour.pdf;
    return printBehaviour.pdf;
  }
}

export class PrintWindow extends EventEmitter {
  readonly webContents = new PrintContents();
  loaded: { file: string; options: unknown } | { url: string } | null = null;
  shown = false;
  destroyed = false;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    printRecord.windows.push(this);
  }
  loadFile(file: string, options?: unknown) {
    this.loaded = { file, options };
    return printBehaviour.loadError ? Promise.reject(printBehaviour.loadError) : Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded = { url };
    return printBehaviour.loadError ? Promise.reject(printBehaviour.loadError) : Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }
}

export { PrintWindow as BrowserWindow };

export const shell = {
  showItemInFolder: (file: string) => printRecord.revealed.push(file),
};
