// Runtime of '@ohos.hilog': logs go to the console as
// "<level> <domain>/<tag>: <message>". Format arguments are private unless
// marked {public}: %{public}s shows the value, %s and %{private}s show
// "<private>", as on a device.

namespace hilog {
  export enum LogLevel {
    DEBUG = 3,
    INFO = 4,
    WARN = 5,
    ERROR = 6,
    FATAL = 7,
  }

  const SPECIFIER = /%(\{(public|private)\})?([sdioOfxXc%])/g;

  /** Fills `format` with `args` following the hilog privacy rules. */
  export function formatMessage(format: string, args: unknown[]): string {
    let next = 0;
    return format.replace(SPECIFIER, (whole: string, _flag: string, privacy: string | undefined, kind: string) => {
      if (kind === '%') {
        return '%';
      }
      if (next >= args.length) {
        return whole;
      }
      const value = args[next++];
      if (privacy !== 'public') {
        return '<private>';
      }
      switch (kind) {
        case 'd':
        case 'i':
          return String(typeof value === 'number' ? Math.trunc(value) : value);
        case 'x':
          return typeof value === 'number' ? value.toString(16) : String(value);
        case 'X':
          return typeof value === 'number' ? value.toString(16).toUpperCase() : String(value);
        case 'o':
        case 'O':
          return typeof value === 'object' ? JSON.stringify(value) : String(value);
        default:
          return String(value);
      }
    });
  }

  function write(level: LogLevel, letter: string, domain: number, tag: string, format: string, args: unknown[]): void {
    const line = `${letter} ${domain.toString(16).padStart(5, '0').toUpperCase()}/${tag}: ${formatMessage(String(format), args)}`;
    if (level >= LogLevel.ERROR) {
      console.error(line);
    } else if (level === LogLevel.WARN) {
      console.warn(line);
    } else {
      console.log(line);
    }
  }

  export function debug(domain: number, tag: string, format: string, ...args: unknown[]): void {
    write(LogLevel.DEBUG, 'D', domain, tag, format, args);
  }

  export function info(domain: number, tag: string, format: string, ...args: unknown[]): void {
    write(LogLevel.INFO, 'I', domain, tag, format, args);
  }

  export function warn(domain: number, tag: string, format: string, ...args: unknown[]): void {
    write(LogLevel.WARN, 'W', domain, tag, format, args);
  }

  export function error(domain: number, tag: string, format: string, ...args: unknown[]): void {
    write(LogLevel.ERROR, 'E', domain, tag, format, args);
  }

  export function fatal(domain: number, tag: string, format: string, ...args: unknown[]): void {
    write(LogLevel.FATAL, 'F', domain, tag, format, args);
  }

  /** Every level is printed off-device. */
  export function isLoggable(domain: number, tag: string, level: LogLevel): boolean {
    return typeof domain === 'number' && typeof tag === 'string' && level >= LogLevel.DEBUG;
  }
}

export default hilog;
