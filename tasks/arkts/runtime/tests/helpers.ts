// Shared assertions for the runtime tests.
import assert from 'node:assert/strict';
import { BusinessError } from '../@ohos.base';

/** Asserts that `action` throws a BusinessError with the given code. */
export function throwsCode(action: () => unknown, code: number): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof BusinessError, `expected BusinessError, got ${String(error)}`);
    assert.equal((error as BusinessError).code, code);
    assert.equal(typeof (error as BusinessError).message, 'string');
    return true;
  });
}

/** Asserts the 10200011 error of a method called detached from its instance. */
export function throwsUnbound(method: Function, ...args: unknown[]): void {
  throwsCode(() => method.apply(undefined, args), 10200011);
}

/** Asserts the 10200012 error of a constructor called without `new`. */
export function throwsWithoutNew(ctor: unknown): void {
  throwsCode(() => (ctor as () => unknown)(), 10200012);
}
