// Error helpers shared by the runtime modules. Codes and texts follow the
// `@throws { BusinessError }` lines of the SDK declarations.
import { BusinessError } from '../@ohos.base';

export const PARAMETER_ERROR = 401;
export const OUT_OF_RANGE = 10200001;
export const INVALID_UUID = 10200002;
export const CONTAINER_EMPTY = 10200010;
export const NOT_BOUND = 10200011;
export const NOT_CONSTRUCTED = 10200012;
export const ELEMENT_NOT_FOUND = 10200017;

export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return `"${value}"`;
  }
  if (typeof value === 'function') {
    return 'function';
  }
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function parameterError(detail: string): BusinessError {
  return new BusinessError(PARAMETER_ERROR, `Parameter error. ${detail}`);
}

export function typeError(name: string, expected: string, value: unknown): BusinessError {
  return parameterError(`The type of "${name}" must be ${expected}. Received value is: ${describeValue(value)}`);
}

export function rangeError(name: string, low: number, high: number, value: unknown): BusinessError {
  return new BusinessError(
    OUT_OF_RANGE,
    `The value of "${name}" is out of range. It must be >= ${low} && <= ${high}. Received value is: ${describeValue(value)}`,
  );
}

/** Throws 401 unless `value` is an integer number. */
export function checkInteger(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw typeError(name, 'number', value);
  }
}

/** Throws 401 for a non-integer, 10200001 outside [low, high]. */
export function checkRange(name: string, value: unknown, low: number, high: number): asserts value is number {
  checkInteger(name, value);
  if (value < low || value > high) {
    throw rangeError(name, low, high, value);
  }
}

export function checkFunction(name: string, value: unknown): void {
  if (typeof value !== 'function') {
    throw typeError(name, 'function', value);
  }
}

export function emptyError(): BusinessError {
  return new BusinessError(CONTAINER_EMPTY, 'Container is empty');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClass = abstract new (...args: any[]) => object;

/**
 * Makes every method of `cls` throw 10200011 ("The X method cannot be bound")
 * when it is called on something that is not an instance, as the containers
 * document for detached method references.
 */
export function guardMethods(cls: AnyClass): void {
  const proto = cls.prototype as Record<string | symbol, unknown>;
  for (const key of Reflect.ownKeys(proto)) {
    if (key === 'constructor') {
      continue;
    }
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    if (descriptor === undefined || typeof descriptor.value !== 'function') {
      continue;
    }
    const method = descriptor.value as (...args: unknown[]) => unknown;
    const name = typeof key === 'symbol' ? key.description ?? 'iterator' : key;
    const guarded = function (this: unknown): unknown {
      if (!(this instanceof cls)) {
        throw new BusinessError(NOT_BOUND, `The ${name} method cannot be bound`);
      }
      // eslint-disable-next-line prefer-rest-params
      return method.apply(this, arguments as unknown as unknown[]);
    };
    Object.defineProperty(guarded, 'name', { value: method.name });
    Object.defineProperty(proto, key, { ...descriptor, value: guarded });
  }
}

/**
 * Wraps a container class so that calling it without `new` throws 10200012
 * ("The X's constructor cannot be directly invoked"); `new`, `instanceof`
 * and subclassing behave as for the class itself.
 */
export function requireNew<C extends AnyClass>(cls: C, name: string): C {
  guardMethods(cls);
  return new Proxy(cls, {
    apply(): never {
      throw new BusinessError(NOT_CONSTRUCTED, `The ${name}'s constructor cannot be directly invoked`);
    },
  });
}
