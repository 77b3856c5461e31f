export function findChromium(): string;
export function browserArgs(): string[];
export function extensionArgs(extensionDir: string): string[];
