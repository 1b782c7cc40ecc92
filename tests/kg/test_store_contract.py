"""The same assertions against every graph backend, on a small SDK built from text."""

import pytest

from tasks.kg import Scope, open_store
from tasks.kg.build import build_graph
from .conftest import BACKENDS, SMALL_SDK, settings_for, write_sdk

BOX = "@ohos.demo/demo.Box"


@pytest.fixture(params=BACKENDS)
def built(request, tmp_path):
    settings = settings_for(tmp_path / "home", request.param)
    sdk = write_sdk(tmp_path / "sdk")
    return settings, sdk, build_graph(settings, sdk)


def test_entities_round_trip_exactly(built):
    settings, _, report = built
    with open_store(settings) as store:
        assert store.build_id() == report.build_id
        put = store.entity(f"{BOX}.put")
        assert put.signatures == ["put(value: string): boolean", "put(value: string, callback: Callback<Box>): void"]
        assert put.throws[0].code == "10200001"
        for name in ("it's \"quoted\"", "back`tick` ${x}", "$dollar", "中文名"):
            entity = store.entity(f"{BOX}.{name}")
            assert entity is not None and entity.name == name
        assert store.entity("@ohos.demo/nothing") is None
        assert [e.name for e in store.entities([f"{BOX}.count", "@ohos.demo/missing", f"{BOX}.size"])] == ["count", "size"]


def test_query_helpers(built):
    settings, _, _ = built
    with open_store(settings) as store:
        assert [c.name for c in store.children(BOX)][:3] == ["put", "size", "count"]
        assert store.non_leaf_nodes() == ["@ohos.base/BusinessError", "@ohos.demo/demo", BOX, "@ohos.demo/demo.Color"]
        assert "@ohos.demo/demo.Secret" in store.non_leaf_nodes(Scope(include_system_api=True))
        assert store.non_leaf_nodes(Scope(kits=("@kit.DemoKit",))) == ["@ohos.demo/demo", BOX, "@ohos.demo/demo.Color"]
        assert store.non_leaf_nodes(Scope(modules=("@ohos.base",))) == ["@ohos.base/BusinessError"]
        assert store.neighbours(f"{BOX}.put") == ["@ohos.base/Callback", BOX]
        assert store.neighbours(f"{BOX}.size") == [f"{BOX}.count"]  # @useinstead
        assert store.neighbours(f"{BOX}.put", ["CONTAINS"]) == [BOX]
        assert "@ohos.demo/demo.make" in store.neighbours("@ohos.base/BusinessError")
        with pytest.raises(ValueError, match="unknown relation"):
            store.neighbours(BOX, ["LIKES"])


def test_score_properties_write_and_read(built):
    settings, _, _ = built
    with open_store(settings) as store:
        store.write_property("uncertainty", {BOX: 1.5, f"{BOX}.put": 0})
        store.write_property("scorer", {BOX: "smollm2-135m"})
        assert store.read_property("uncertainty") == {BOX: 1.5, f"{BOX}.put": 0.0}
        assert store.read_property("scorer", [BOX, f"{BOX}.put"]) == {BOX: "smollm2-135m"}
        store.write_property("uncertainty", {BOX: None})
        assert store.read_property("uncertainty") == {f"{BOX}.put": 0.0}
        with pytest.raises(ValueError, match="unknown node property"):
            store.write_property("uncertainty) DETACH DELETE n //", {BOX: 1.0})
        with pytest.raises(ValueError, match="only score properties"):
            store.write_property("description", {BOX: "x"})


def test_rebuild_is_idempotent_and_follows_sdk_changes(built):
    settings, sdk, first = built
    forced = build_graph(settings, sdk, force=True)
    assert not forced.cached and forced.build_id == first.build_id
    with open_store(settings) as store:
        assert store.stats().entities_by_kind == first.entities_by_kind
        assert store.stats().relations_by_type == first.relations_by_type
        assert len(store.query("MATCH (n:Api) RETURN n.qualified_name AS q")) == first.entities
    changed = SMALL_SDK["api/@ohos.demo.d.ts"].replace("count(): number;", "count(): number;\n    clear(): void;")
    (sdk / "api/@ohos.demo.d.ts").write_text(changed, encoding="utf-8")
    rebuilt = build_graph(settings, sdk)
    assert not rebuilt.cached and rebuilt.build_id != first.build_id
    assert rebuilt.entities_by_kind["method"] == first.entities_by_kind["method"] + 1
    with open_store(settings) as store:
        assert store.entity(f"{BOX}.clear").signatures == ["clear(): void"]
        assert store.build_id() == rebuilt.build_id


def test_bad_files_are_reported_and_the_build_goes_on(built):
    settings, sdk, _ = built
    (sdk / "api/@ohos.binary.d.ts").write_bytes(b"\x7fELF\x00\x01\x02")
    (sdk / "api/@ohos.latin1.d.ts").write_bytes(b"declare class Caf\xe9 {}\ndeclare class Ok { x: number; }\n")
    (sdk / "api/@ohos.cut.d.ts").write_text("declare class Cut {\n  kept(): void;\n  lost(a: str", encoding="utf-8")
    (sdk / "api/@ohos.open.d.ts").write_text("declare class Open { a(): void; }\n/** never closed\n", encoding="utf-8")
    report = build_graph(settings, sdk)
    assert [(p.file, p.line) for p in report.files_skipped] == [("api/@ohos.binary.d.ts", 1)]
    reasons: dict[tuple[str, int], str] = {}
    for problem in report.problems:
        reasons[(problem.file, problem.line)] = reasons.get((problem.file, problem.line), "") + problem.reason + "; "
    assert "not valid UTF-8" in reasons[("api/@ohos.latin1.d.ts", 1)]
    assert any(file == "api/@ohos.cut.d.ts" for file, _ in reasons)
    assert "never closed" in reasons[("api/@ohos.open.d.ts", 2)]
    with open_store(settings) as store:
        assert store.entity("@ohos.latin1/Ok.x") is not None
        assert store.entity("@ohos.cut/Cut.kept") is not None
        assert store.entity("@ohos.open/Open.a") is not None
        assert store.entity(f"{BOX}.put") is not None
