// Runtime of '@ohos.util.json': JSON parse/stringify with the documented
// parameter checks, BigInt parsing modes, and has/remove on parsed objects.
import { typeError } from './internal/errors';
import { BusinessError } from './@ohos.base';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Parses JSON text turning integers into BigInt (all of them, or only unsafe ones). */
function parseWithBigInt(text: string, always: boolean): unknown {
  let at = 0;
  const fail = (): never => {
    throw new SyntaxError(`Unexpected token in JSON at position ${at}`);
  };
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) {
      at++;
    }
  };
  const value = (): unknown => {
    space();
    const c = text[at];
    if (c === '{') {
      at++;
      const out: Record<string, unknown> = {};
      space();
      if (text[at] === '}') {
        at++;
        return out;
      }
      for (;;) {
        space();
        if (text[at] !== '"') {
          fail();
        }
        const key = value() as string;
        space();
        if (text[at++] !== ':') {
          fail();
        }
        out[key] = value();
        space();
        const next = text[at++];
        if (next === '}') {
          return out;
        }
        if (next !== ',') {
          fail();
        }
      }
    }
    if (c === '[') {
      at++;
      const out: unknown[] = [];
      space();
      if (text[at] === ']') {
        at++;
        return out;
      }
      for (;;) {
        out.push(value());
        space();
        const next = text[at++];
        if (next === ']') {
          return out;
        }
        if (next !== ',') {
          fail();
        }
      }
    }
    if (c === '"') {
      const match = /^"(?:[^"\\\u0000-\u001f]|\\.)*"/.exec(text.slice(at));
      if (match === null) {
        fail();
      }
      at += (match as RegExpExecArray)[0].length;
      return JSON.parse((match as RegExpExecArray)[0]);
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(at));
    if (literal === null) {
      return fail();
    }
    at += literal[0].length;
    const isInteger = /^-?\d+$/.test(literal[0]);
    if (isInteger) {
      const big = BigInt(literal[0]);
      if (always || big > MAX_SAFE || big < -MAX_SAFE) {
        return big;
      }
    }
    return JSON.parse(literal[0]);
  };
  const result = value();
  space();
  if (at !== text.length) {
    fail();
  }
  return result;
}

function applyReviver(holder: Record<string, unknown>, key: string, reviver: json.Transformer): unknown {
  const current = holder[key];
  if (current !== null && typeof current === 'object') {
    const container = current as Record<string, unknown>;
    for (const name of Object.keys(container)) {
      const revived = applyReviver(container, name, reviver);
      if (revived === undefined) {
        delete container[name];
      } else {
        container[name] = revived;
      }
    }
  }
  return reviver.call(holder, key, current as Object);
}

function checkObject(obj: unknown): void {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    throw typeError('obj', 'object', obj);
  }
}

namespace json {
  export type Transformer = (this: Object, key: string, value: Object) => Object | undefined | null;

  export enum BigIntMode {
    DEFAULT = 0,
    PARSE_AS_BIGINT = 1,
    ALWAYS_PARSE_AS_BIGINT = 2,
  }

  export interface ParseOptions {
    bigIntMode: BigIntMode;
  }

  /** JSON.parse; with bigIntMode, integers beyond 2^53-1 (or all integers) become BigInt. */
  export function parse(text: string, reviver?: Transformer, options?: ParseOptions): Object | null {
    if (typeof text !== 'string') {
      throw typeError('text', 'string', text);
    }
    if (reviver !== undefined && reviver !== null && typeof reviver !== 'function') {
      throw typeError('reviver', 'function', reviver);
    }
    const mode = options?.bigIntMode ?? BigIntMode.DEFAULT;
    let result: unknown;
    try {
      result = mode === BigIntMode.DEFAULT ? JSON.parse(text) : parseWithBigInt(text, mode === BigIntMode.ALWAYS_PARSE_AS_BIGINT);
    } catch (error) {
      throw new BusinessError(401, `Parameter error. ${(error as Error).message}`);
    }
    if (typeof reviver === 'function') {
      return applyReviver({ '': result }, '', reviver) as Object | null;
    }
    return result as Object | null;
  }

  /** JSON.stringify; BigInt values are written as plain integers. */
  export function stringify(
    value: Object,
    replacer?: ((number | string)[] | null) | Transformer,
    space?: string | number,
  ): string {
    if (replacer !== undefined && replacer !== null && typeof replacer !== 'function' && !Array.isArray(replacer)) {
      throw typeError('replacer', 'function or array', replacer);
    }
    const marks: string[] = [];
    const user = typeof replacer === 'function' ? replacer : undefined;
    const allowed = Array.isArray(replacer) ? replacer.map(String) : undefined;
    const text = JSON.stringify(
      value,
      function (this: Object, key: string, current: unknown): unknown {
        if (allowed !== undefined && key !== '' && !Array.isArray(this) && !allowed.includes(key)) {
          return undefined;
        }
        let out = user === undefined ? current : user.call(this, key, current as Object);
        if (typeof out === 'bigint') {
          marks.push(out.toString());
          out = `\u0000bigint${marks.length - 1}\u0000`;
        }
        return out;
      },
      space,
    );
    return text === undefined ? (text as unknown as string) : text.replace(/"\\u0000bigint(\d+)\\u0000"/g, (_, i: string) => marks[Number(i)]);
  }

  /** Whether the object has the property as its own. */
  export function has(obj: object, property: string): boolean {
    checkObject(obj);
    if (typeof property !== 'string' || property.length === 0) {
      throw typeError('property', 'non-empty string', property);
    }
    return Object.prototype.hasOwnProperty.call(obj, property);
  }

  /** Deletes the object's own property. */
  export function remove(obj: object, property: string): void {
    checkObject(obj);
    if (typeof property !== 'string' || property.length === 0) {
      throw typeError('property', 'non-empty string', property);
    }
    delete (obj as Record<string, unknown>)[property];
  }
}

export default json;
