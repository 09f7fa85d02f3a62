import type { HandlerMap } from '../core/handler';

export const backupHandlers: HandlerMap<never> = {};
