// Rendered from schema.yaml by `python -m graph_schema`; do not edit by hand.
CREATE CONSTRAINT api_qualified_name IF NOT EXISTS FOR (n:Api) REQUIRE n.qualified_name IS UNIQUE;
CREATE INDEX api_kind IF NOT EXISTS FOR (n:Api) ON (n.kind);
CREATE INDEX api_module IF NOT EXISTS FOR (n:Api) ON (n.module);
CREATE INDEX api_name IF NOT EXISTS FOR (n:Api) ON (n.name);
CREATE CONSTRAINT graphmeta_key IF NOT EXISTS FOR (n:GraphMeta) REQUIRE n.key IS UNIQUE;
