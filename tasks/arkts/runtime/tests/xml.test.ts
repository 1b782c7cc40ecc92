import { test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '../@ohos.xml';
import { xml as kitXml } from '../@kit.ArkTS';
import { throwsCode } from './helpers';

/** The text written into `buffer`, without the unused zero bytes after it. */
function written(buffer: ArrayBuffer): string {
  return new TextDecoder().decode(new Uint8Array(buffer)).replace(/\0+$/, '');
}

function serialize(build: (serializer: xml.XmlSerializer) => void): string {
  const buffer = new ArrayBuffer(2048);
  build(new xml.XmlSerializer(buffer, 'utf-8'));
  return written(buffer);
}

function parserOf(text: string): xml.XmlPullParser {
  return new xml.XmlPullParser(new TextEncoder().encode(text).buffer as ArrayBuffer, 'UTF-8');
}

/** "key:<event> value:<probe(info)> " for every token event, as the SDK examples print it. */
function tokens(text: string, probe: (info: xml.ParseInfo) => unknown, ignoreNameSpace = true): string {
  let out = '';
  parserOf(text).parse({
    supportDoctype: true,
    ignoreNameSpace,
    tokenValueCallbackFunction: (key: xml.EventType, value: xml.ParseInfo): boolean => {
      out += 'key:' + key + ' value:' + String(probe(value)) + ' ';
      return true;
    },
  });
  return out.trim();
}

const DECL = '<?xml version="1.0" encoding="utf-8"?>';

test('serializer output of the documented examples', () => {
  assert.equal(serialize((s) => {
    s.startElement('note');
    s.setAttributes('importance', 'high');
    s.endElement();
  }), '<note importance="high"/>');
  assert.equal(serialize((s) => s.addEmptyElement('d')), '<d/>');
  assert.equal(serialize((s) => s.setDeclaration()), DECL);
  assert.equal(serialize((s) => {
    s.startElement('note');
    s.setText('Happy');
    s.endElement();
  }), '<note>Happy</note>');
  assert.equal(serialize((s) => {
    s.setNamespace('h', 'http://www.w3.org/TR/html4/');
    s.startElement('note');
    s.endElement();
  }), '<h:note xmlns:h="http://www.w3.org/TR/html4/"/>');
  assert.equal(serialize((s) => s.setComment('Hello, World!')), '<!--Hello, World!-->');
  assert.equal(serialize((s) => s.setCDATA('root SYSTEM')), '<![CDATA[root SYSTEM]]>');
  assert.equal(serialize((s) => {
    s.startElement('note');
    s.setAttributes('importance', 'high');
    s.setText('Happy');
    s.endElement();
  }), '<note importance="high">Happy</note>');
  assert.equal(serialize((s) => s.setDocType('root SYSTEM "http://www.test.org/test.dtd"')),
    '<!DOCTYPE root SYSTEM "http://www.test.org/test.dtd">');
});

test('serializer indents nested elements as the generation guide shows', () => {
  const out = serialize((s) => {
    s.setDeclaration();
    s.startElement('bookstore');
    s.startElement('book');
    s.setAttributes('category', 'COOKING');
    s.startElement('title');
    s.setAttributes('lang', 'en');
    s.setText('Everyday');
    s.endElement();
    s.startElement('author');
    s.setText('Giada');
    s.endElement();
    s.startElement('year');
    s.setText('2005');
    s.endElement();
    s.endElement();
    s.endElement();
  });
  assert.equal(out, DECL + '<bookstore>\r\n  <book category="COOKING">\r\n    <title lang="en">Everyday</title>\r\n'
    + '    <author>Giada</author>\r\n    <year>2005</year>\r\n  </book>\r\n</bookstore>');
});

test('serializer escapes text and attribute values, writes UTF-8, works on a DataView', () => {
  const buffer = new ArrayBuffer(128);
  const serializer = new xml.XmlSerializer(new DataView(buffer, 4, 120));
  serializer.startElement('a');
  serializer.setAttributes('q', 'x<"y">&\'z\'');
  serializer.setText('1 < 2 & ü');
  serializer.endElement();
  const bytes = new Uint8Array(buffer);
  assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 0, 0], 'writes from the start of the view');
  assert.equal(new TextDecoder().decode(bytes.subarray(4)).replace(/\0+$/, ''),
    '<a q="x&lt;&quot;y&quot;&gt;&amp;&apos;z&apos;">1 &lt; 2 &amp; ü</a>');
});

test('serializer: namespace prefix carries to children; comments and empty elements nest', () => {
  const out = serialize((s) => {
    s.setNamespace('h', 'urn:x');
    s.startElement('table');
    s.startElement('tr');
    s.setComment('row');
    s.addEmptyElement('td');
    s.endElement();
    s.endElement();
  });
  assert.equal(out, '<h:table xmlns:h="urn:x">\r\n  <h:tr>\r\n    <!--row-->\r\n    <td/>\r\n  </h:tr>\r\n</h:table>');
});

test('serializer parameter errors and a buffer that is too small', () => {
  throwsCode(() => new xml.XmlSerializer('abc' as unknown as ArrayBuffer), 401);
  throwsCode(() => new xml.XmlSerializer(new ArrayBuffer(8), 'gbk'), 401);
  const serializer = new xml.XmlSerializer(new ArrayBuffer(8));
  throwsCode(() => serializer.startElement(1 as unknown as string), 401);
  throwsCode(() => serializer.setAttributes('a', 2 as unknown as string), 401);
  throwsCode(() => serializer.setText(undefined as unknown as string), 401);
  throwsCode(() => serializer.endElement(), 401);
  assert.throws(() => serializer.setComment('far too long for eight bytes'), RangeError);
});

test('parser tag and attribute callbacks follow the documented example', () => {
  const text = DECL + '<note importance="high" logged="true"><company>John &amp; Hans</company><title>Happy</title></note>';
  const tags: string[] = [];
  const attributes: string[] = [];
  parserOf(text).parse({
    supportDoctype: true,
    ignoreNameSpace: true,
    tagValueCallbackFunction: (name: string, value: string): boolean => {
      tags.push(name + value);
      return true;
    },
    attributeValueCallbackFunction: (name: string, value: string): boolean => {
      attributes.push(`${name}=${value}`);
      return true;
    },
  });
  assert.deepEqual(tags, ['note', 'company', 'John & Hans', 'company', 'title', 'Happy', 'title', 'note']);
  assert.deepEqual(attributes, ['importance=high', 'logged=true']);
});

test('ParseInfo values match the documented examples', () => {
  const happy = DECL + '<note>Happy</note>';
  assert.equal(tokens(happy, (i) => i.getColumnNumber()), 'key:0 value:1 key:2 value:45 key:4 value:50 key:3 value:57 key:1 value:57');
  assert.equal(tokens(DECL + '<note>Work</note>', (i) => i.getLineNumber()),
    'key:0 value:1 key:2 value:1 key:4 value:1 key:3 value:1 key:1 value:1');
  assert.equal(tokens(happy, (i) => i.getName()), 'key:0 value: key:2 value:note key:4 value: key:3 value:note key:1 value:');
  assert.equal(tokens(happy, (i) => i.getText()), 'key:0 value: key:2 value: key:4 value:Happy key:3 value: key:1 value:');
  assert.equal(tokens(DECL + '<note importance="high"><title>Happy</title></note>', (i) => i.getDepth()),
    'key:0 value:0 key:2 value:1 key:2 value:2 key:4 value:2 key:3 value:2 key:3 value:1 key:1 value:0');
  assert.equal(tokens(DECL + '<note xmlns:h="http://www.w3.org"><h:title>Happy</h:title></note>', (i) => i.getNamespace(), false),
    'key:0 value: key:2 value: key:2 value:http://www.w3.org key:4 value: key:3 value:http://www.w3.org key:3 value: key:1 value:');
  assert.equal(tokens(DECL + '<note xmlns:h="http://www.w3.org/TR/html4"><h:title>Happy</h:title></note>', (i) => i.getPrefix(), false),
    'key:0 value: key:2 value: key:2 value:h key:4 value: key:3 value:h key:3 value: key:1 value:');
  assert.equal(tokens(DECL + '<note importance="high" logged="true"><title/></note>', (i) => i.isEmptyElementTag()),
    'key:0 value:false key:2 value:false key:2 value:true key:3 value:false key:3 value:false key:1 value:false');
  assert.equal(tokens(DECL + '<note importance="high" logged="true"><title> </title></note>', (i) => i.isWhitespace()),
    'key:0 value:true key:2 value:false key:2 value:true key:10 value:true key:3 value:true key:3 value:true key:1 value:true');
  assert.equal(tokens(DECL + '<note importance="high" logged="true"/>', (i) => i.getAttributeCount()),
    'key:0 value:0 key:2 value:2 key:3 value:2 key:1 value:0');
});

test('EventType values as declared', () => {
  assert.deepEqual(
    [xml.EventType.START_DOCUMENT, xml.EventType.END_DOCUMENT, xml.EventType.START_TAG, xml.EventType.END_TAG,
      xml.EventType.TEXT, xml.EventType.CDSECT, xml.EventType.COMMENT, xml.EventType.DOCDECL,
      xml.EventType.INSTRUCTION, xml.EventType.ENTITY_REFERENCE, xml.EventType.WHITESPACE],
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
});

test('parser reports comments, CDATA, instructions, doctype, references and lines', () => {
  const text = DECL + '\n<!DOCTYPE note [<!ELEMENT note (#PCDATA)>]>\n<!-- top -->\n'
    + '<note>\n  <a x=\'1 &lt; 2\'>&#65;&#x42;&quot;&apos;&gt;&unknown;</a>\n  <![CDATA[<raw> & ]]>\n  <?style mono?>\n</note>\n';
  const events: string[] = [];
  parserOf(text).parse({
    supportDoctype: true,
    tokenValueCallbackFunction: (type: xml.EventType, info: xml.ParseInfo): boolean => {
      events.push(`${xml.EventType[type]}@${info.getLineNumber()}:${info.getColumnNumber()}|${info.getName()}|${info.getText()}`);
      return true;
    },
  });
  assert.deepEqual(events, [
    'START_DOCUMENT@1:1||',
    'DOCDECL@2:44||note [<!ELEMENT note (#PCDATA)>]',
    'COMMENT@3:13|| top ',
    'START_TAG@4:7|note|',
    'WHITESPACE@5:3||\n  ',
    'START_TAG@5:19|a|',
    'TEXT@5:55||AB"\'>&unknown;',
    'END_TAG@5:59|a|',
    'WHITESPACE@6:3||\n  ',
    'CDSECT@6:23||<raw> & ',
    'WHITESPACE@7:3||\n  ',
    'INSTRUCTION@7:17||style mono',
    'WHITESPACE@8:1||\n',
    'END_TAG@8:8|note|',
    'END_DOCUMENT@9:1||',
  ]);
  const values: string[] = [];
  parserOf(text).parse({
    attributeValueCallbackFunction: (name: string, value: string): boolean => {
      values.push(`${name}=${value}`);
      return true;
    },
  });
  assert.deepEqual(values, ['x=1 < 2']);
});

test('doctype is reported only with supportDoctype; namespaces are kept unless ignored', () => {
  const text = '<!DOCTYPE r><r xmlns="urn:d" xmlns:p="urn:p"><p:c/><c/></r>';
  const seen: string[] = [];
  const collect = (type: xml.EventType, info: xml.ParseInfo): boolean => {
    seen.push(`${type}:${info.getPrefix()}:${info.getName()}:${info.getNamespace()}`);
    return true;
  };
  parserOf(text).parse({ tokenValueCallbackFunction: collect });
  assert.deepEqual(seen, ['0:::', '2::r:urn:d', '2:p:c:urn:p', '3:p:c:urn:p', '2::c:urn:d', '3::c:urn:d', '3::r:urn:d', '1:::']);
  seen.length = 0;
  parserOf(text).parse({ supportDoctype: true, ignoreNameSpace: true, tokenValueCallbackFunction: collect });
  assert.deepEqual(seen, ['0:::', '7:::', '2::r:', '2::p:c:', '3::p:c:', '2::c:', '3::c:', '3::r:', '1:::']);
});

test('a callback returning false stops parsing', () => {
  const text = '<a><b>1</b><c>2</c></a>';
  const names: string[] = [];
  parserOf(text).parse({
    tagValueCallbackFunction: (name: string, value: string): boolean => {
      names.push(name || value);
      return name !== 'c';
    },
  });
  assert.deepEqual(names, ['a', 'b', '1', 'b', 'c']);
  let count = 0;
  parserOf(text).parse({
    tokenValueCallbackFunction: (): boolean => {
      count++;
      return count < 3;
    },
  });
  assert.equal(count, 3);
});

test('serializer output parses back; the trailing zeros of the buffer are ignored', () => {
  const buffer = new ArrayBuffer(512);
  const serializer = new xml.XmlSerializer(buffer);
  serializer.setDeclaration();
  serializer.startElement('list');
  for (const item of ['x & y', '<z>']) {
    serializer.startElement('item');
    serializer.setAttributes('label', item);
    serializer.setText(item);
    serializer.endElement();
  }
  serializer.endElement();
  const texts: string[] = [];
  const labels: string[] = [];
  new xml.XmlPullParser(buffer).parse({
    tagValueCallbackFunction: (name: string, value: string): boolean => {
      if (name === '') {
        texts.push(value);
      }
      return true;
    },
    attributeValueCallbackFunction: (_name: string, value: string): boolean => {
      labels.push(value);
      return true;
    },
  });
  assert.deepEqual(texts, ['x & y', '<z>']);
  assert.deepEqual(labels, ['x & y', '<z>']);
});

test('malformed XML and bad arguments', () => {
  for (const bad of ['<a>', '<a></b>', '<a x=1/>', '<a x="1" x="2"/>', '<a/><b/>', 'text<a/>', '<a><!-- open</a>', '', '<a x="1"y="2"/>']) {
    assert.throws(() => parserOf(bad).parse({}), SyntaxError, bad);
  }
  throwsCode(() => new xml.XmlPullParser('<a/>' as unknown as ArrayBuffer), 401);
  throwsCode(() => new xml.XmlPullParser(new ArrayBuffer(1), 'latin1'), 401);
  throwsCode(() => parserOf('<a/>').parse(undefined as unknown as xml.ParseOptions), 401);
  throwsCode(() => parserOf('<a/>').parse({ tokenValueCallbackFunction: 1 } as unknown as xml.ParseOptions), 401);
});

test('@kit.ArkTS re-exports xml', () => {
  assert.equal(kitXml, xml);
});
