import type { HandlerMap } from '../core/handler';

export const diagnosticsHandlers: HandlerMap<never> = {};
