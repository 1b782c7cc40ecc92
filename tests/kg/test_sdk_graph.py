"""The default SDK built into LadybugDB: report, spot checks, caching."""

from tasks.kg import open_store
from tasks.kg.build import build_graph

ADD = "@ohos.util.ArrayList/ArrayList.add"
ARRAY_LIST = "@ohos.util.ArrayList/ArrayList"


def test_build_report(sdk_graph):
    _, report = sdk_graph
    assert not report.cached and report.files_parsed >= 700 and report.files_skipped == []
    assert report.entities_by_kind["method"] > 5000 and report.entities_by_kind["kit"] > 40
    assert report.relations_by_type["CONTAINS"] == report.entities - report.entities_by_kind["module"] - report.entities_by_kind["kit"]
    assert all(p.file and p.line > 0 and p.reason for p in report.problems)
    assert report.parse_s > 0 and report.load_s > 0


def test_array_list_add_has_current_documentation(sdk_graph):
    settings, _ = sdk_graph
    with open_store(settings, read_only=True) as store:
        add = store.entity(ADD)
    assert add.kind == "method" and add.parent == ARRAY_LIST
    assert add.description == "Appends the specified element to the end of this arraylist."
    assert add.since >= 12 and add.atomic_service and add.cross_platform
    assert add.syscap == "SystemCapability.Utils.Lang"
    assert [(p.name, p.type) for p in add.params] == [("element", "T")]
    assert add.params[0].description.startswith("element element to be appended")
    assert add.returns_type == "boolean" and add.returns_description.startswith("the boolean type")
    assert ("10200011", "BusinessError") in {(t.code, t.type) for t in add.throws}
    assert add.signatures == ["add(element: T): boolean"]


def test_insert_documents_the_out_of_range_error(sdk_graph):
    settings, _ = sdk_graph
    with open_store(settings, read_only=True) as store:
        insert = store.entity("@ohos.util.ArrayList/ArrayList.insert")
    assert "10200001" in {t.code for t in insert.throws}


def test_kit_reexports_and_type_relations(sdk_graph):
    settings, _ = sdk_graph
    with open_store(settings, read_only=True) as store:
        assert ARRAY_LIST in store.reexported(["@kit.ArkTS"])
        rows = store.query(
            "MATCH (a:Api)-[:USES_TYPE]->(b:Api) WHERE a.module = $m OR b.module = $m "
            "RETURN a.qualified_name AS source, b.qualified_name AS target", {"m": "@ohos.util.HashMap"})
        assert {"source": "@ohos.util.HashMap/HashMap.setAll", "target": "@ohos.util.HashMap/HashMap"} in rows
        members = {child.name for child in store.children(ARRAY_LIST)}
        assert {"add", "insert", "length", "constructor"} <= members
        arkts_containers = store.non_leaf_nodes(store_scope(["@kit.ArkTS"]))
        assert ARRAY_LIST in arkts_containers and "@ohos.util/util.TextDecoder" in arkts_containers
        assert all(not name.startswith("@ohos.multimedia") for name in arkts_containers)


def store_scope(kits):
    from tasks.kg import Scope

    return Scope(kits=tuple(kits))


def test_unchanged_sdk_rebuild_is_cached(sdk_graph):
    settings, first = sdk_graph
    again = build_graph(settings)
    assert again.cached and again.build_id == first.build_id
    assert again.entities_by_kind == first.entities_by_kind and again.relations_by_type == first.relations_by_type
