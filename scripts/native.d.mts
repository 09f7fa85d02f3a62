// Types for the helpers scripts/native.mjs exports (its tests import them).
export declare function isAbiMismatch(message: unknown): boolean;
export declare function isAddonMissing(message: unknown): boolean;
export declare function diagnose(message: unknown): 'rebuild' | 'install' | 'unknown';
export declare function parseArgs(argv: readonly string[]): { target: 'node' | 'electron'; quiet: boolean } | null;
