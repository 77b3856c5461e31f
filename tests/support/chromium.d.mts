export function findChromium(): string;
export function extensionArgs(extensionDir: string): string[];
