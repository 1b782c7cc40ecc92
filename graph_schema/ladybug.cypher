// Rendered from schema.yaml by `python -m graph_schema`; do not edit by hand.
CREATE NODE TABLE IF NOT EXISTS Api(
    qualified_name STRING,
    kind STRING,
    name STRING,
    module STRING,
    parent STRING,
    signatures STRING,
    description STRING,
    params STRING,
    returns_type STRING,
    returns_description STRING,
    throws STRING,
    since INT64,
    deprecated BOOLEAN,
    deprecated_since INT64,
    use_instead STRING,
    syscap STRING,
    permission STRING,
    system_api BOOLEAN,
    atomic_service BOOLEAN,
    cross_platform BOOLEAN,
    examples STRING,
    source_file STRING,
    line INT64,
    uncertainty DOUBLE,
    uncertainty_mean DOUBLE,
    member_uncertainty DOUBLE,
    scorer STRING,
    PRIMARY KEY(qualified_name)
);
CREATE REL TABLE IF NOT EXISTS CONTAINS(FROM Api TO Api);
CREATE REL TABLE IF NOT EXISTS REEXPORTS(FROM Api TO Api);
CREATE REL TABLE IF NOT EXISTS EXTENDS(FROM Api TO Api);
CREATE REL TABLE IF NOT EXISTS IMPLEMENTS(FROM Api TO Api);
CREATE REL TABLE IF NOT EXISTS USES_TYPE(FROM Api TO Api);
CREATE REL TABLE IF NOT EXISTS USE_INSTEAD(FROM Api TO Api);
CREATE NODE TABLE IF NOT EXISTS GraphMeta(key STRING, value STRING, PRIMARY KEY(key));
