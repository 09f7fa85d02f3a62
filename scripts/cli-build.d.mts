// Types for the helpers scripts/cli-build.mjs exports (its test imports them).
export declare const CLI_OUT: string;
export declare const STAMP: string;
export declare function staleReason(outDir?: string, root?: string): string | null;
export declare function buildCli(outDir?: string): Promise<{ sources: number }>;
