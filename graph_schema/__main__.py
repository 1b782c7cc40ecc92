"""Re-render the Cypher DDL files from schema.yaml."""

from graph_schema import LADYBUG_DDL_FILE, NEO4J_DDL_FILE, render_ladybug_ddl, render_neo4j_ddl

LADYBUG_DDL_FILE.write_text(render_ladybug_ddl(), encoding="utf-8")
NEO4J_DDL_FILE.write_text(render_neo4j_ddl(), encoding="utf-8")
print(f"wrote {LADYBUG_DDL_FILE.name} and {NEO4J_DDL_FILE.name}")
