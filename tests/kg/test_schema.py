import graph_schema
from graph_schema import SCHEMA
from tasks.records import ApiEntity


def test_cypher_files_are_rendered_from_schema_yaml():
    assert graph_schema.LADYBUG_DDL_FILE.read_text(encoding="utf-8") == graph_schema.render_ladybug_ddl()
    assert graph_schema.NEO4J_DDL_FILE.read_text(encoding="utf-8") == graph_schema.render_neo4j_ddl()


def test_entity_properties_match_the_record():
    record_fields = set(ApiEntity.model_fields) - {"version"}
    assert set(SCHEMA.properties) == record_fields


def test_score_properties_are_declared():
    assert SCHEMA.score_properties == {
        "uncertainty": "DOUBLE", "uncertainty_mean": "DOUBLE", "member_uncertainty": "DOUBLE", "scorer": "STRING"}
    assert set(SCHEMA.semantic_relations) == {"EXTENDS", "IMPLEMENTS", "USES_TYPE", "USE_INSTEAD"}
    assert SCHEMA.kind_label("enum_member") == "EnumMember"
