import type { HandlerMap } from '../core/handler';
import { listConflicts, resolveConflict, syncHistory, syncPeers } from './queue';
import { exportPackage, importPackage, previewPackage, verifyPackage } from './service';

export const syncHandlers: HandlerMap<'sync.export' | 'sync.verify' | 'sync.preview' | 'sync.import' | 'sync.conflicts' | 'sync.resolve' | 'sync.history' | 'sync.peers'> = {
  'sync.export': ({ core }, args) => exportPackage(core, args),
  'sync.verify': ({ core }, args) => verifyPackage(core, args.files),
  'sync.preview': ({ core, progress }, args) => previewPackage(core, args.files, progress),
  'sync.import': ({ core, progress }, args) => importPackage(core, args, progress),
  'sync.conflicts': ({ core }) => listConflicts(core),
  'sync.resolve': ({ core }, args) => resolveConflict(core, args),
  'sync.history': ({ core }) => syncHistory(core),
  'sync.peers': ({ core }) => syncPeers(core),
};
