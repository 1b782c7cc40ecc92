"""How the bundler binds SDK modules: runtime files first, off-device stand-ins for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.arkts.run import TaskCandidate, run_tasks
from tasks.arkts.workspace import relative_imports, write_task

FIXTURE_RUNTIME = Path(__file__).parent / "fixtures" / "runtime"

TEST = """import { describe, it, expect } from '@ohos/hypium';
import { count, countDistinct } from '../main/ets/Counting';

export default function countingTest() {
  describe('counting', () => {
    it('counts with the runtime class', 0, () => {
      expect(count(['a', 'b', 'a'])).assertEqual(3);
    });
    it('counts distinct with a class the runtime lacks', 0, () => {
      expect(countDistinct(['a', 'b', 'a'])).assertEqual(2);
    });
  });
}
"""

SOLUTION = """import { ArrayList, HashSet } from '@kit.ArkTS';

export function count(items: string[]): number {
  const list = new ArrayList<string>();
  items.forEach((item: string) => {
    list.add(item);
  });
  return list.length;
}

export function countDistinct(items: string[]): number {
  const set = new HashSet<string>();
  items.forEach((item: string) => {
    set.add(item);
  });
  return set.length;
}
"""

RUNTIME_ONLY_SOLUTION = SOLUTION.replace("const set = new HashSet<string>();", "const set = new Set<string>();").replace(
    "return set.length;", "return set.size;"
).replace("import { ArrayList, HashSet }", "import { ArrayList }")


@pytest.fixture(scope="module")
def verdicts(arkts_settings):
    settings = arkts_settings.model_copy(update={"runtime_dir": FIXTURE_RUNTIME})
    items = [TaskCandidate("mixed", SOLUTION, TEST), TaskCandidate("runtime-only", RUNTIME_ONLY_SOLUTION, TEST)]
    return run_tasks(items, settings)


def test_names_missing_from_the_runtime_throw_off_device_errors(verdicts):
    result = verdicts["mixed"]
    outcome = {t.name: t for t in result.tests}
    assert outcome["counts with the runtime class"].status == "pass"
    failed = outcome["counts distinct with a class the runtime lacks"]
    assert failed.status == "error"
    assert failed.message == "@kit.ArkTS.HashSet is not available off-device"
    assert result.status == "unsupported"


def test_runtime_names_run(verdicts):
    assert verdicts["runtime-only"].status == "pass"


def test_relative_imports_are_found_in_every_form():
    source = """import { a } from '../main/ets/A';
import b from "./B";
export { c } from '../../C';
import '../side/Effect';
import { d } from '@kit.ArkTS';
import { a as again } from '../main/ets/A';
"""
    assert relative_imports(source) == ["../main/ets/A", "./B", "../../C", "../side/Effect"]


def test_deep_import_paths_stay_inside_the_workspace(tmp_path):
    test = "import { f } from '../../../../main/ets/pages/F.ets';\nimport { g } from './G';\n"
    layout = write_task(tmp_path, "export const f = 1;", test)
    for path in layout.solution_files + [layout.test_file]:
        assert tmp_path in path.parents
    assert layout.solution_files[0] == tmp_path / "main" / "ets" / "pages" / "F.ets"
    assert layout.solution_files[1].parent == layout.test_file.parent
