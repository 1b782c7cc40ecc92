// Runtime of '@ohos.url': WHATWG URL parsing (the engine's URL underneath)
// with URLParams/URLSearchParams bound live to their URL's query.
import { BusinessError } from './@ohos.base';
import { checkFunction, typeError } from './internal/errors';

const INVALID_URL = 10200002;

type ParamsInit = string[][] | Record<string, string> | string | url.URLParams | url.URLSearchParams;

function toNative(init: ParamsInit | undefined): globalThis.URLSearchParams {
  if (init instanceof url.URLParams || init instanceof url.URLSearchParams) {
    return new globalThis.URLSearchParams(init.toString());
  }
  if (init !== undefined && init !== null && typeof init !== 'string' && typeof init !== 'object') {
    throw typeError('init', 'string[][], Record<string, string> or string', init);
  }
  return new globalThis.URLSearchParams(init as string | string[][] | Record<string, string> | undefined);
}

namespace url {
  /** Query parameters: ordered name/value pairs. */
  export class URLParams {
    protected inner: globalThis.URLSearchParams;

    constructor(init?: ParamsInit) {
      this.inner = toNative(init);
    }

    /** Wraps the live query object of a URL. */
    static bound<P extends URLParams>(this: new () => P, native: globalThis.URLSearchParams): P {
      const params = new this();
      params.inner = native;
      return params;
    }

    append(name: string, value: string): void {
      this.inner.append(String(name), String(value));
    }

    delete(name: string): void {
      this.inner.delete(String(name));
    }

    getAll(name: string): string[] {
      return this.inner.getAll(String(name));
    }

    entries(): IterableIterator<[string, string]> {
      return this.inner.entries();
    }

    forEach(callbackFn: (value: string, key: string, searchParams: this) => void, thisArg?: Object): void {
      checkFunction('callbackFn', callbackFn);
      for (const [key, value] of [...this.inner]) {
        callbackFn.call(thisArg, value, key, this);
      }
    }

    get(name: string): string | null {
      return this.inner.get(String(name));
    }

    has(name: string): boolean {
      return this.inner.has(String(name));
    }

    set(name: string, value: string): void {
      this.inner.set(String(name), String(value));
    }

    /** Stable sort by name (UTF-16 code units). */
    sort(): void {
      this.inner.sort();
    }

    keys(): IterableIterator<string> {
      return this.inner.keys();
    }

    values(): IterableIterator<string> {
      return this.inner.values();
    }

    [Symbol.iterator](): IterableIterator<[string, string]> {
      return this.inner.entries();
    }

    /** The query serialised as application/x-www-form-urlencoded. */
    toString(): string {
      return this.inner.toString();
    }
  }

  /** The older name of URLParams. */
  export class URLSearchParams extends URLParams {}

  export class URL {
    private inner: globalThis.URL;
    private paramsView: URLParams | undefined;
    private searchView: URLSearchParams | undefined;

    constructor(input?: string, base?: string | URL) {
      if (input === undefined) {
        this.inner = new globalThis.URL('about:blank');
        return;
      }
      if (typeof input !== 'string') {
        throw typeError('url', 'string', input);
      }
      if (base !== undefined && typeof base !== 'string' && !(base instanceof URL)) {
        throw typeError('base', 'string or URL', base);
      }
      try {
        this.inner = new globalThis.URL(input, base === undefined ? undefined : base.toString());
      } catch {
        throw new BusinessError(INVALID_URL, 'Syntax Error. Invalid Url string');
      }
    }

    /** Parses `url` (relative to `base` when given); 10200002 for an invalid URL. */
    static parseURL(input: string, base?: string | URL): URL {
      return new URL(input, base);
    }

    toString(): string {
      return this.inner.href;
    }

    toJSON(): string {
      return this.inner.href;
    }

    get hash(): string { return this.inner.hash; }
    set hash(value: string) { this.inner.hash = value; }
    get host(): string { return this.inner.host; }
    set host(value: string) { this.inner.host = value; }
    get hostname(): string { return this.inner.hostname; }
    set hostname(value: string) { this.inner.hostname = value; }
    get href(): string { return this.inner.href; }
    set href(value: string) {
      try {
        this.inner.href = value;
      } catch {
        throw new BusinessError(INVALID_URL, 'Syntax Error. Invalid Url string');
      }
    }
    get origin(): string { return this.inner.origin; }
    get password(): string { return this.inner.password; }
    set password(value: string) { this.inner.password = value; }
    get pathname(): string { return this.inner.pathname; }
    set pathname(value: string) { this.inner.pathname = value; }
    get port(): string { return this.inner.port; }
    set port(value: string) { this.inner.port = value; }
    get protocol(): string { return this.inner.protocol; }
    set protocol(value: string) { this.inner.protocol = value; }
    get search(): string { return this.inner.search; }
    set search(value: string) { this.inner.search = value; }
    get username(): string { return this.inner.username; }
    set username(value: string) { this.inner.username = value; }

    /** The query of this URL; changes to it rewrite the URL. */
    get params(): URLParams {
      this.paramsView ??= URLParams.bound(this.inner.searchParams);
      return this.paramsView;
    }

    get searchParams(): URLSearchParams {
      this.searchView ??= URLSearchParams.bound(this.inner.searchParams);
      return this.searchView;
    }
  }
}

export default url;
