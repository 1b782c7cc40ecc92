// Runtime of '@ohos.uri': RFC 3986 URI references,
// [scheme:][//[user-info@]host[:port]][path][?query][#fragment].
// Components keep the text they were given; the encoded* getters and
// toString percent-encode what RFC 3986 does not allow there (spaces,
// non-ASCII, …), the plain getters percent-decode. Absent parts read as null
// and an absent port as "-1", as documented.
import { BusinessError } from './@ohos.base';
import { typeError } from './internal/errors';

const INVALID_URI = 10200002;
const REFERENCE = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
/** Characters that stay as they are in an encoded component: unreserved, sub-delims, ":@/?[]" and "%XX" escapes. */
const KEEP = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?[\]]|%[0-9A-Fa-f]{2}/y;
/** Characters createFromParts keeps: the same without "?", "#", "%" and "[]", which would change the meaning. */
const KEEP_PART = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

function invalid(reason: string): BusinessError {
  return new BusinessError(INVALID_URI, `Invalid uri string: ${reason}`);
}

function checkString(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw typeError(name, 'string', value);
  }
  return value;
}

function percentEncode(char: string): string {
  return Array.from(new TextEncoder().encode(char), (byte) => '%' + byte.toString(16).toUpperCase().padStart(2, '0')).join('');
}

/** Percent-encodes every character that may not appear in a URI component; valid escapes are kept. */
function encodeIllegal(text: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    KEEP.lastIndex = at;
    const kept = KEEP.exec(text);
    if (kept !== null) {
      out += kept[0];
      at += kept[0].length;
    } else {
      const char = String.fromCodePoint(text.codePointAt(at) as number);
      out += percentEncode(char);
      at += char.length;
    }
  }
  return out;
}

/** Percent-encodes decoded text for createFromParts. */
function encodePart(text: string): string {
  return Array.from(text, (char) => (KEEP_PART.test(char) ? char : percentEncode(char))).join('');
}

/** Decodes %XX runs as UTF-8; runs that are not valid UTF-8 stay as written. */
function decode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function decodeOrNull(text: string | null): string | null {
  return text === null ? null : decode(text);
}

/** Removes "." and ".." segments; ".." above the root of an absolute path is dropped, of a relative one kept. */
function removeDotSegments(path: string): string {
  const absolute = path.startsWith('/');
  const input = (absolute ? path.slice(1) : path).split('/');
  const output: string[] = [];
  input.forEach((segment, index) => {
    const last = index === input.length - 1;
    if (segment === '.') {
      if (last) {
        output.push('');
      }
    } else if (segment === '..') {
      if (output.length > 0 && output[output.length - 1] !== '..') {
        output.pop();
      } else if (!absolute) {
        output.push('..');
      }
      if (last) {
        output.push('');
      }
    } else {
      output.push(segment);
    }
  });
  return (absolute ? '/' : '') + output.join('/');
}

interface Parts {
  scheme: string | null;
  authority: string | null;
  path: string | null;
  query: string | null;
  fragment: string | null;
  /** For opaque URIs (scheme followed by something not starting with "/"): everything between ":" and "#". */
  opaque: string | null;
}

function parse(text: string): Parts {
  if (text.length === 0) {
    throw invalid('the uri is empty');
  }
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw invalid('control characters are not allowed');
  }
  const bad = /%(?![0-9A-Fa-f]{2})/.exec(text);
  if (bad !== null) {
    throw invalid(`"%" at index ${bad.index} does not start a %XX escape`);
  }
  const m = REFERENCE.exec(text) as RegExpExecArray;
  const scheme = m[1] ?? null;
  if (scheme !== null && !SCHEME.test(scheme)) {
    throw invalid(`the scheme "${scheme}" must start with a letter followed by letters, digits, "+", "-" or "."`);
  }
  const fragment = m[5] ?? null;
  if (scheme !== null && m[2] === undefined && !m[3].startsWith('/')) {
    const hashAt = text.indexOf('#', scheme.length + 1);
    const opaque = text.slice(scheme.length + 1, hashAt === -1 ? text.length : hashAt);
    if (opaque === '') {
      throw invalid(`nothing follows the scheme "${scheme}:"`);
    }
    return { scheme, authority: null, path: null, query: null, fragment, opaque };
  }
  const parts = { scheme, authority: m[2] ?? null, path: m[3], query: m[4] ?? null, fragment, opaque: null };
  splitAuthority(parts.authority);
  return parts;
}

interface Authority {
  userInfo: string | null;
  host: string | null;
  port: number;
}

/** userinfo@host:port of an authority; throws 10200002 for a bad port or IPv6 literal. */
function splitAuthority(authority: string | null): Authority {
  if (authority === null || authority === '') {
    return { userInfo: null, host: null, port: -1 };
  }
  const at = authority.lastIndexOf('@');
  const userInfo = at === -1 ? null : authority.slice(0, at);
  const hostPort = authority.slice(at + 1);
  let host = hostPort;
  let port = '';
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) {
      throw invalid(`unclosed "[" in the host "${hostPort}"`);
    }
    host = hostPort.slice(0, close + 1);
    const rest = hostPort.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) {
      throw invalid(`unexpected "${rest}" after the host "${host}"`);
    }
    port = rest.slice(1);
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon !== -1) {
      host = hostPort.slice(0, colon);
      port = hostPort.slice(colon + 1);
    }
  }
  if (!/^[0-9]*$/.test(port)) {
    throw invalid(`the port "${port}" is not a number`);
  }
  return { userInfo, host: host === '' ? null : host, port: port === '' ? -1 : Number(port) };
}

function queryPairs(query: string | null): [string, string][] {
  if (query === null || query === '') {
    return [];
  }
  return query.split('&').map((pair): [string, string] => {
    const eq = pair.indexOf('=');
    return eq === -1 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
  });
}

namespace uri {
  export class URI {
    private readonly parts: Parts;

    /** Parses `uri`; throws 10200002 for a string that is not a URI reference. */
    constructor(uri: string) {
      this.parts = parse(checkString('uri', uri));
    }

    private static of(parts: Parts): URI {
      const created = Object.create(URI.prototype) as URI;
      (created as unknown as { parts: Parts }).parts = parts;
      return created;
    }

    private with(change: Partial<Parts>): URI {
      return URI.of({ ...this.parts, ...change });
    }

    get scheme(): string | null {
      return this.parts.scheme;
    }

    get userInfo(): string | null {
      return decodeOrNull(this.encodedUserInfo);
    }

    get host(): string | null {
      return splitAuthority(this.parts.authority).host;
    }

    /** The port, or "-1" when there is none. */
    get port(): string {
      return String(splitAuthority(this.parts.authority).port);
    }

    get path(): string | null {
      return decodeOrNull(this.encodedPath);
    }

    get query(): string | null {
      return decodeOrNull(this.encodedQuery);
    }

    get fragment(): string | null {
      return decodeOrNull(this.encodedFragment);
    }

    get authority(): string | null {
      return decodeOrNull(this.encodedAuthority);
    }

    get ssp(): string {
      return decode(this.encodedSSP);
    }

    get encodedUserInfo(): string | null {
      const userInfo = splitAuthority(this.parts.authority).userInfo;
      return userInfo === null ? null : encodeIllegal(userInfo);
    }

    /** The path; null for an opaque URI and for an empty path. */
    get encodedPath(): string | null {
      return this.parts.path === null || this.parts.path === '' ? null : encodeIllegal(this.parts.path);
    }

    get encodedQuery(): string | null {
      return this.parts.query === null ? null : encodeIllegal(this.parts.query);
    }

    get encodedFragment(): string | null {
      return this.parts.fragment === null ? null : encodeIllegal(this.parts.fragment);
    }

    get encodedAuthority(): string | null {
      return this.parts.authority === null || this.parts.authority === '' ? null : encodeIllegal(this.parts.authority);
    }

    /** Everything between the scheme's ":" and the "#" of the fragment, encoded. */
    get encodedSSP(): string {
      const { authority, path, query, opaque } = this.parts;
      if (opaque !== null) {
        return encodeIllegal(opaque);
      }
      return (authority === null ? '' : '//' + encodeIllegal(authority)) + encodeIllegal(path ?? '')
        + (query === null ? '' : '?' + encodeIllegal(query));
    }

    /** The URI with every illegal character percent-encoded. */
    toString(): string {
      const { scheme, fragment } = this.parts;
      return (scheme === null ? '' : scheme + ':') + this.encodedSSP + (fragment === null ? '' : '#' + encodeIllegal(fragment));
    }

    /** Same encoded components; scheme and host compare without regard to case. */
    equalsTo(other: URI): boolean {
      if (!(other instanceof URI)) {
        throw typeError('other', 'URI', other);
      }
      const fold = (u: URI): string[] => [
        String(u.scheme?.toLowerCase()), String(u.parts.authority !== null), String(u.host?.toLowerCase()), u.port,
        String(u.encodedUserInfo),
        u.checkOpaque() ? u.encodedSSP : '', String(u.encodedPath), String(u.encodedQuery), String(u.encodedFragment),
      ];
      return fold(this).join('\u0000') === fold(other).join('\u0000');
    }

    /** Deprecated name of equalsTo. */
    equals(other: URI): boolean {
      return this.equalsTo(other);
    }

    /** True when the scheme is defined. */
    checkIsAbsolute(): boolean {
      return this.parts.scheme !== null;
    }

    checkRelative(): boolean {
      return this.parts.scheme === null;
    }

    /** True for a scheme followed by something that does not start with "/", like mailto:a@b.c. */
    checkOpaque(): boolean {
      return this.parts.opaque !== null;
    }

    checkHierarchical(): boolean {
      return this.parts.opaque === null;
    }

    /** A new URI whose path has "." and ".." segments resolved. */
    normalize(): URI {
      return this.parts.path === null ? this.with({}) : this.with({ path: removeDotSegments(this.parts.path) });
    }

    /** The first decoded value of `key` in the query, or null. */
    getQueryValue(key: string): string {
      checkString('key', key);
      const pair = queryPairs(this.parts.query).find(([name]) => name === key);
      return (pair === undefined ? null : pair[1]) as string;
    }

    /** A new URI with `key=value` (both encoded) appended to the query. */
    addQueryValue(key: string, value: string): URI {
      const pair = encodeURIComponent(checkString('key', key)) + '=' + encodeURIComponent(checkString('value', value));
      const query = this.parts.query;
      return this.with({ query: query === null || query === '' ? pair : `${query}&${pair}` });
    }

    /** The distinct decoded names of the query, in order of appearance. */
    getQueryNames(): string[] {
      return [...new Set(queryPairs(this.parts.query).map(([name]) => name))];
    }

    getQueryValues(key: string): string[] {
      checkString('key', key);
      return queryPairs(this.parts.query).filter(([name]) => name === key).map(([, value]) => value);
    }

    /** `defaultValue` without the key; false when its first value is "false" (any case) or "0"; true otherwise. */
    getBooleanQueryValue(key: string, defaultValue: boolean): boolean {
      if (typeof defaultValue !== 'boolean') {
        throw typeError('defaultValue', 'boolean', defaultValue);
      }
      const value = this.getQueryValue(key) as string | null;
      if (value === null) {
        return defaultValue;
      }
      return !(value.toLowerCase() === 'false' || value === '0');
    }

    /** A new URI without a query. */
    clearQuery(): URI {
      return this.with({ query: null });
    }

    /** The last decoded path segment, or null when there is none. */
    getLastSegment(): string {
      const segments = this.getSegment();
      return (segments.length === 0 ? null : segments[segments.length - 1]) as string;
    }

    /** The decoded path segments, without empty ones. */
    getSegment(): string[] {
      return (this.parts.path ?? '').split('/').filter((segment) => segment !== '').map(decode);
    }

    /** A new URI with `pathSegment`, encoded, appended to the path. */
    addSegment(pathSegment: string): URI {
      return this.addEncodedSegment(encodeURIComponent(checkString('pathSegment', pathSegment)));
    }

    /** A new URI with the already encoded `pathSegment` appended to the path. */
    addEncodedSegment(pathSegment: string): URI {
      checkString('pathSegment', pathSegment);
      const path = this.parts.path ?? '';
      return this.with({ path: (path.endsWith('/') ? path : path + '/') + pathSegment, opaque: null });
    }

    /** An opaque URI scheme:ssp#fragment from decoded parts. */
    static createFromParts(scheme: string, ssp: string, fragment: string): URI {
      checkString('scheme', scheme);
      checkString('ssp', ssp);
      checkString('fragment', fragment);
      return new URI(`${scheme}:${encodePart(ssp)}${fragment === '' ? '' : '#' + encodePart(fragment)}`);
    }
  }
}

export default uri;
