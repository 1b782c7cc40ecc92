"""Dynamic stage end to end: real compiler, real esbuild, real hypium in the process sandbox.

Every candidate of this module goes through ONE run_tasks call (one compiler program, one
bundler process, parallel test processes), as the benchmark does."""

from __future__ import annotations

import pytest

from tasks.arkts.run import TaskCandidate, run_task, run_tasks

MATH = """export function add(a: number, b: number): number {
  return a + b;
}

export function words(s: string): string[] {
  return s.split(' ');
}

export function parsePositive(s: string): number {
  const n = Number(s);
  if (isNaN(n) || n <= 0) {
    throw new RangeError('not a positive number: ' + s);
  }
  return n;
}

export class Point {
  x: number;
  y: number;

  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
}

export function later(value: number, ms: number): Promise<number> {
  return new Promise<number>((resolve: (v: number) => void) => {
    setTimeout(() => resolve(value), ms);
  });
}

export function nothing(): null {
  return null;
}
"""

ALL_MATCHERS_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { add, words, parsePositive, Point, later, nothing } from '../../../main/ets/common/MathUtils';

export default function matchersTest() {
  describe('matchers', () => {
    it('equality', 0, () => {
      expect(add(1, 2)).assertEqual(3);
      expect(words('a b')).assertDeepEquals(['a', 'b']);
      expect(add(1, 1) === 2).assertTrue();
      expect(add(1, 1) === 3).assertFalse();
    });
    it('null and undefined', 0, () => {
      expect(nothing()).assertNull();
      expect(words('a')[5]).assertUndefined();
    });
    it('containment and closeness', 0, () => {
      expect(words('x y z')).assertContain('y');
      expect('hello world').assertContain('world');
      expect(add(0.1, 0.2)).assertClose(0.3, 0.0001);
    });
    it('errors and types', 0, () => {
      expect(() => parsePositive('-1')).assertThrowError('not a positive number: -1');
      expect(new Point(1, 2)).assertInstanceOf('Object');
    });
    it('ordering', 0, () => {
      expect(add(2, 2)).assertLarger(3);
      expect(add(1, 1)).assertLess(3);
      expect(add(1, 1)).assertLargerOrEqual(2);
      expect(add(1, 1)).assertLessOrEqual(2);
    });
    it('special numbers', 0, () => {
      expect(parseInt('x')).assertNaN();
      expect(1 / 0).assertPosUnlimited();
      expect(-1 / 0).assertNegUnlimited();
    });
    it('negation', 0, () => {
      expect(add(1, 2)).not().assertEqual(4);
      expect(words('a b')).not().assertContain('c');
      expect(nothing()).not().assertUndefined();
    });
    it('promises', 0, async () => {
      const settled = later(7, 5);
      await settled;
      await expect(settled).assertPromiseIsResolvedWith(7);
      await expect(Promise.resolve(1)).assertPromiseIsResolved();
      await expect(Promise.reject(new Error('no'))).assertPromiseIsRejected();
      await expect(later(1, 50)).assertPromiseIsPending();
    });
  });
}
"""

FAILING_MATCHERS_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { add, words, parsePositive, nothing } from '../main/ets/MathUtils';

export default function failingMatchersTest() {
  describe('failing matchers', () => {
    it('assertEqual', 0, () => {
      expect(add(1, 2)).assertEqual(4);
    });
    it('assertDeepEquals', 0, () => {
      expect(words('a b')).assertDeepEquals(['a', 'c']);
    });
    it('assertNull', 0, () => {
      expect(add(1, 1)).assertNull();
    });
    it('assertContain', 0, () => {
      expect(words('a b')).assertContain('z');
    });
    it('assertClose', 0, () => {
      expect(add(1, 1)).assertClose(3, 0.5);
    });
    it('assertThrowError', 0, () => {
      expect(() => parsePositive('5')).assertThrowError('anything');
    });
    it('assertLarger', 0, () => {
      expect(add(1, 1)).assertLarger(5);
    });
    it('not', 0, () => {
      expect(nothing()).not().assertNull();
    });
    it('an exception in the test', 0, () => {
      parsePositive('oops');
    });
  });
}
"""

HOOKS_TEST = """import { describe, it, expect, beforeAll, beforeEach, afterEach, afterAll } from '@ohos/hypium';
import { add } from '../main/ets/MathUtils';

let setUps = 0;
let perTest = 0;
let tornDown = 0;

export default function hooksTest() {
  describe('hooks', () => {
    beforeAll(() => {
      setUps = add(setUps, 1);
    });
    beforeEach(() => {
      perTest = add(perTest, 1);
    });
    afterEach(() => {
      tornDown = add(tornDown, 1);
    });
    afterAll(() => {
      setUps = 0;
    });
    it('first sees the set-up', 0, () => {
      expect(setUps).assertEqual(1);
      expect(perTest).assertEqual(1);
      expect(tornDown).assertEqual(0);
    });
    it('second sees one tear-down', 0, () => {
      expect(setUps).assertEqual(1);
      expect(perTest).assertEqual(2);
      expect(tornDown).assertEqual(1);
    });
  });
}
"""

ASYNC_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { later } from '../main/ets/MathUtils';

export default function asyncTest() {
  describe('async', () => {
    it('awaits', 0, async () => {
      const v = await later(3, 10);
      expect(v).assertEqual(3);
    });
    it('uses done', 0, (done: Function) => {
      later(4, 10).then((v: number) => {
        expect(v).assertEqual(4);
        done();
      });
    });
    it('fails after awaiting', 0, async () => {
      const v = await later(5, 10);
      expect(v).assertEqual(6);
    });
  });
}
"""

TOP_LEVEL_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { add } from './MathUtils';

describe('top level suite', () => {
  it('adds', 0, () => {
    expect(add(2, 3)).assertEqual(5);
  });
});
"""

TWO_IMPORTS_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { add } from '../main/ets/MathUtils';
import { Point } from '../main/ets/model/Point';

export default function twoImportsTest() {
  describe('two paths, one candidate', () => {
    it('binds both', 0, () => {
      expect(new Point(add(1, 1), 0).x).assertEqual(2);
    });
  });
}
"""

CONCURRENT_SOLUTION = """@Concurrent
export function square(n: number): number {
  return n * n;
}
"""

CONCURRENT_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { square } from '../main/ets/workers/Square';

export default function concurrentTest() {
  describe('concurrent functions', () => {
    it('runs inline', 0, () => {
      expect(square(4)).assertEqual(16);
    });
  });
}
"""

CAMERA_SOLUTION = """import { camera } from '@kit.CameraKit';

export function backPosition(): number {
  return camera.CameraPosition.CAMERA_POSITION_BACK;
}
"""

CAMERA_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { backPosition } from '../main/ets/Camera';

export default function cameraTest() {
  describe('camera', () => {
    it('knows the back camera', 0, () => {
      expect(backPosition()).assertEqual(1);
    });
  });
}
"""

UI_SOLUTION = """@Entry
@Component
struct ClickCounter {
  @State count: number = 0;

  build() {
    Button(`${this.count}`).onClick(() => {
      this.count++;
    })
  }
}
"""

UI_TEST = """import { describe, it, expect } from '@ohos/hypium';

export default function uiTest() {
  describe('ui', () => {
    it('renders', 0, () => {
      expect(true).assertTrue();
    });
  });
}
"""

SPIN_SOLUTION = """export function spin(): number {
  let n = 0;
  while (n >= 0) {
    n = (n + 1) % 1000;
  }
  return n;
}
"""

SPIN_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { spin } from '../main/ets/Spin';

export default function spinTest() {
  describe('spin', () => {
    it('never ends', 0, () => {
      expect(spin()).assertEqual(0);
    });
  });
}
"""

HOARD_SOLUTION = """export function hoard(): number {
  const chunks: number[][] = [];
  while (chunks.length >= 0) {
    const chunk: number[] = new Array<number>(1000000).fill(1.5);
    chunks.push(chunk);
  }
  return chunks.length;
}

export function tenGigabytes(): number {
  const buffer = new ArrayBuffer(10 * 1024 * 1024 * 1024);
  return buffer.byteLength;
}
"""

HOARD_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { hoard } from '../main/ets/Hoard';

export default function hoardTest() {
  describe('hoard', () => {
    it('allocates without end', 0, () => {
      expect(hoard()).assertLarger(0);
    });
  });
}
"""

BIG_BUFFER_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { tenGigabytes } from '../main/ets/Hoard';

export default function bigBufferTest() {
  describe('big buffer', () => {
    it('asks for 10 GiB at once', 0, () => {
      expect(tenGigabytes()).assertLarger(0);
    });
  });
}
"""

LOAD_FAILURE_SOLUTION = """export const ready: boolean = JSON.parse('{') as boolean;
"""

LOAD_FAILURE_TEST = """import { describe, it, expect } from '@ohos/hypium';
import { ready } from '../main/ets/Ready';

export default function loadTest() {
  describe('load', () => {
    it('is ready', 0, () => {
      expect(ready).assertTrue();
    });
  });
}
"""


@pytest.fixture(scope="module")
def batch(examples, arkts_settings):
    settings = arkts_settings.model_copy(update={"timeout_s": 6.0})
    brackets = examples["example-algorithm-brackets"]
    cart = examples["example-application-cart"]
    items = [
        TaskCandidate("brackets", brackets["solution"], brackets["test"]),
        TaskCandidate("brackets-wrong", brackets["wrong_solutions"][0], brackets["test"]),
        TaskCandidate("brackets-no-such-method", brackets["wrong_solutions"][1], brackets["test"]),
        TaskCandidate("cart", cart["solution"], cart["test"]),
        TaskCandidate("cart-wrong", cart["wrong_solutions"][0], cart["test"]),
        TaskCandidate("cart-any", cart["wrong_solutions"][1], cart["test"]),
        TaskCandidate("matchers", MATH, ALL_MATCHERS_TEST),
        TaskCandidate("failing-matchers", MATH, FAILING_MATCHERS_TEST),
        TaskCandidate("hooks", MATH, HOOKS_TEST),
        TaskCandidate("async", MATH, ASYNC_TEST),
        TaskCandidate("top-level", MATH, TOP_LEVEL_TEST),
        TaskCandidate("two-imports", MATH, TWO_IMPORTS_TEST),
        TaskCandidate("concurrent", CONCURRENT_SOLUTION, CONCURRENT_TEST),
        TaskCandidate("camera", CAMERA_SOLUTION, CAMERA_TEST),
        TaskCandidate("ui", UI_SOLUTION, UI_TEST),
        TaskCandidate("spin", SPIN_SOLUTION, SPIN_TEST),
        TaskCandidate("hoard", HOARD_SOLUTION, HOARD_TEST),
        TaskCandidate("big-buffer", HOARD_SOLUTION, BIG_BUFFER_TEST),
        TaskCandidate("load-failure", LOAD_FAILURE_SOLUTION, LOAD_FAILURE_TEST),
    ]
    seen = []
    results = run_tasks(items, settings, workers=2, on_result=seen.append)
    assert sorted(r.candidate_id for r in seen) == sorted(results)
    return results


def statuses(result):
    return {t.name: t.status for t in result.tests}


def test_examples_behave_as_their_why_wrong_says(batch):
    assert batch["brackets"].status == "pass"
    assert batch["cart"].status == "pass"
    assert statuses(batch["brackets-wrong"])["rejects crossed pairs"] == "fail"
    assert batch["brackets-wrong"].status == "fail"
    cart_wrong = statuses(batch["cart-wrong"])
    assert batch["cart-wrong"].status == "fail"
    assert cart_wrong == {"sums price times quantity": "fail", "merges repeated items": "fail", "removes items": "pass"}
    assert batch["brackets-no-such-method"].status == "compile_error"
    assert batch["cart-any"].status in {"compile_error", "lint_error"}
    assert {d.rule for d in batch["cart-any"].diagnostics} >= {"arkts-no-any-unknown"}


def test_passing_run_reports_each_test(batch):
    result = batch["brackets"]
    assert statuses(result) == {
        "accepts nested pairs": "pass",
        "rejects crossed pairs": "pass",
        "rejects unclosed input": "pass",
        "ignores other characters": "pass",
    }
    assert all(t.suite == "balancedBrackets" for t in result.tests)
    assert result.static_s > 0 and result.dynamic_s > 0


def test_full_matcher_set_passes_when_true(batch):
    result = batch["matchers"]
    assert result.status == "pass", result
    assert len(result.tests) == 8


def test_each_matcher_fails_when_false(batch):
    result = batch["failing-matchers"]
    assert result.status == "fail"
    outcome = statuses(result)
    assert len(outcome) == 9
    assert all(status != "pass" for status in outcome.values()), outcome
    assert outcome["an exception in the test"] == "error"
    assert outcome["assertEqual"] == "fail"
    messages = {t.name: t.message for t in result.tests}
    assert "4" in messages["assertEqual"]


def test_hooks_run_in_order(batch):
    assert batch["hooks"].status == "pass", batch["hooks"]


def test_async_tests(batch):
    assert statuses(batch["async"]) == {"awaits": "pass", "uses done": "pass", "fails after awaiting": "fail"}


def test_top_level_describe_and_same_folder_import(batch):
    assert batch["top-level"].status == "pass"
    assert statuses(batch["top-level"]) == {"adds": "pass"}


def test_every_relative_import_of_the_test_is_the_candidate(batch):
    assert batch["two-imports"].status == "pass"


def test_function_decorators_are_accepted(batch):
    assert batch["concurrent"].status == "pass"


def test_device_only_kit_is_unsupported_not_failed(batch):
    result = batch["camera"]
    assert result.status == "unsupported"
    assert "@ohos.multimedia.camera" in result.message
    assert "not available off-device" in result.message


def test_arkui_component_is_type_checked_but_not_run(batch):
    result = batch["ui"]
    assert result.status == "unsupported"
    assert result.tests == []


def test_infinite_loop_times_out(batch):
    assert batch["spin"].status == "timeout"


def test_unbounded_allocation_crashes_the_run_only(batch):
    assert batch["hoard"].status == "crash"


def test_ten_gigabyte_buffer_is_refused(batch):
    result = batch["big-buffer"]
    assert result.status == "fail"
    assert result.tests[0].status == "error"


def test_failure_while_loading_is_a_crash(batch):
    result = batch["load-failure"]
    assert result.status == "crash"
    assert "JSON" in result.message or "Unexpected" in result.message


def test_run_task_single(examples, arkts_settings):
    brackets = examples["example-algorithm-brackets"]
    result = run_task(brackets["solution"], brackets["test"], arkts_settings, candidate_id="one")
    assert result.candidate_id == "one"
    assert result.status == "pass"


def test_duplicate_ids_are_rejected(arkts_settings):
    with pytest.raises(ValueError):
        run_tasks([TaskCandidate("a", "", ""), TaskCandidate("a", "", "")], arkts_settings)
