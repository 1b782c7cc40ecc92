// The few Node.js APIs the runtime builds on (the runtime runs under Node;
// the project installs no @types/node).
declare module 'node:util' {
  export function format(format?: unknown, ...args: unknown[]): string;
  export function inspect(value: unknown, options?: object): string;
  export const types: Record<string, (value: unknown) => boolean>;
}
