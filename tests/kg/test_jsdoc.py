from tasks.kg.jsdoc import parse_jsdoc


def test_tags_are_parsed_into_facts():
    doc = parse_jsdoc("""/**
     * Inserts an element.
     * Second line.
     *
     * @param { T } element - element to insert
     * @param { number } [index] - where
     * @returns { boolean } true on success
     * @throws { BusinessError } 10200001 - The value of index is out of range.
     * @throws { BusinessError } 401 - Parameter error. Possible causes:
     * <br>1. Mandatory parameters are left unspecified.
     * @syscap SystemCapability.Utils.Lang
     * @permission ohos.permission.INTERNET
     * @systemapi
     * @crossplatform
     * @atomicservice
     * @deprecated since 11
     * @useinstead ohos.util.ArrayList#add
     * @since 12
     */""")
    assert doc.description == "Inserts an element.\nSecond line."
    assert [(p.name, p.type, p.description, p.optional) for p in doc.params] == [
        ("element", "T", "element to insert", False), ("index", "number", "where", True)]
    assert (doc.returns_type, doc.returns_description) == ("boolean", "true on success")
    assert [(t.code, t.type) for t in doc.throws] == [("10200001", "BusinessError"), ("401", "BusinessError")]
    assert doc.throws[1].description.endswith("left unspecified.")
    assert doc.since == 12 and doc.deprecated and doc.deprecated_since == 11
    assert doc.use_instead == "ohos.util.ArrayList#add"
    assert doc.syscap == "SystemCapability.Utils.Lang" and doc.permission == "ohos.permission.INTERNET"
    assert doc.system_api and doc.cross_platform and doc.atomic_service


def test_example_keeps_decorators_and_indentation():
    doc = parse_jsdoc("""/**
     * A page.
     * @example
     * @Entry
     * @Component
     * struct Index {
     *   build() {}
     * }
     * @since 10
     */""")
    assert doc.examples == ["@Entry\n@Component\nstruct Index {\n  build() {}\n}"]
    assert doc.since == 10


def test_file_header_and_unclosed_block():
    assert parse_jsdoc("/**\n * @file\n * @kit ArkTS\n */").is_file_header
    doc = parse_jsdoc("/**\n * Never closed.\n * @since 9")
    assert doc.description == "Never closed." and doc.since == 9
