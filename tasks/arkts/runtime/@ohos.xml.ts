// Runtime of '@ohos.xml': XmlSerializer writes UTF-8 XML into a caller's
// buffer (nested tags on new lines, two-space indent, CRLF, as the SDK guide
// shows); XmlPullParser parses a subset of XML 1.0 (elements, attributes,
// text, CDATA, comments, processing instructions, the declaration, DOCTYPE,
// predefined and numeric character references) and reports it through the
// callbacks of ParseOptions.
import { parameterError, typeError } from './internal/errors';

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const NEWLINE = '\r\n';
const INDENT = '  ';
const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*/y;
const SPACES = /[ \t\n]*/y;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

function checkString(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw typeError(name, 'string', value);
  }
  return value;
}

function bytesOf(buffer: unknown): Uint8Array {
  if (buffer instanceof ArrayBuffer) {
    return new Uint8Array(buffer);
  }
  if (buffer instanceof DataView) {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  throw typeError('buffer', 'ArrayBuffer or DataView', buffer);
}

function checkUtf8(encoding: unknown): void {
  if (encoding === undefined) {
    return;
  }
  const name = checkString('encoding', encoding).toLowerCase();
  if (name !== 'utf-8' && name !== 'utf8') {
    throw parameterError(`The encoding ${encoding} is not supported: only utf-8 is`);
  }
}

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ESCAPES[c]);
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

function isBlank(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}

interface OpenElement {
  name: string;
  prefix: string;
  hasChildren: boolean;
}

/** An element while parsing: its name parts and attributes, and the namespaces it declares. */
interface ParsedElement {
  qualifiedName: string;
  prefix: string;
  localName: string;
  namespace: string;
  attributes: [string, string][];
  scope: Map<string, string>;
}

namespace xml {
  export class XmlSerializer {
    private readonly target: Uint8Array;
    private readonly encoder = new TextEncoder();
    private written = 0;
    private readonly open: OpenElement[] = [];
    private startTagOpen = false;
    private pendingNamespace: [string, string] | undefined;
    private afterDeclaration = false;

    /** Writes into `buffer` from its start; only 'utf-8' is supported. */
    constructor(buffer: ArrayBuffer | DataView, encoding?: string) {
      this.target = bytesOf(buffer);
      checkUtf8(encoding);
    }

    /** Adds ` name="value"` (escaped) to the start tag just written. */
    setAttributes(name: string, value: string): void {
      checkString('name', name);
      checkString('value', value);
      this.write(` ${name}="${escape(value)}"`);
    }

    /** Writes `<name/>` as a child of the open element. */
    addEmptyElement(name: string): void {
      checkString('name', name);
      this.beginMarkup();
      this.write(`<${name}/>`);
    }

    /** Writes `<?xml version="1.0" encoding="utf-8"?>`. */
    setDeclaration(): void {
      this.write(DECLARATION);
      this.afterDeclaration = true;
    }

    /** Opens `<name`; attributes may follow until the next content is written. */
    startElement(name: string): void {
      checkString('name', name);
      this.beginMarkup();
      const parentPrefix = this.open.length > 0 ? this.open[this.open.length - 1].prefix : '';
      const prefix = this.pendingNamespace?.[0] ?? parentPrefix;
      const qualified = prefix === '' ? name : `${prefix}:${name}`;
      this.write(`<${qualified}`);
      if (this.pendingNamespace !== undefined) {
        this.write(` xmlns:${this.pendingNamespace[0]}="${escape(this.pendingNamespace[1])}"`);
        this.pendingNamespace = undefined;
      }
      this.open.push({ name: qualified, prefix, hasChildren: false });
      this.startTagOpen = true;
    }

    /** Closes the innermost open element: `/>` when it is empty, else its end tag. */
    endElement(): void {
      const element = this.open.pop();
      if (element === undefined) {
        throw parameterError('endElement called with no open element');
      }
      if (this.startTagOpen) {
        this.write('/>');
        this.startTagOpen = false;
      } else if (element.hasChildren) {
        this.write(NEWLINE + INDENT.repeat(this.open.length) + `</${element.name}>`);
      } else {
        this.write(`</${element.name}>`);
      }
    }

    /** The next start tag, and its descendants, take `prefix`; the next start tag declares it. */
    setNamespace(prefix: string, namespace: string): void {
      this.pendingNamespace = [checkString('prefix', prefix), checkString('namespace', namespace)];
    }

    setComment(text: string): void {
      checkString('text', text);
      this.beginMarkup();
      this.write(`<!--${text}-->`);
    }

    /** Writes `<![CDATA[text]]>` inline, like text. */
    setCDATA(text: string): void {
      checkString('text', text);
      this.closeStartTag();
      this.write(`<![CDATA[${text}]]>`);
    }

    /** Writes escaped character data inside the open element. */
    setText(text: string): void {
      checkString('text', text);
      this.closeStartTag();
      this.write(escape(text));
    }

    setDocType(text: string): void {
      checkString('text', text);
      this.beginMarkup();
      this.write(`<!DOCTYPE ${text}>`);
    }

    private closeStartTag(): void {
      if (this.startTagOpen) {
        this.write('>');
        this.startTagOpen = false;
      }
    }

    /** Puts markup on its own line, indented by depth, except first in the document or right after the declaration. */
    private beginMarkup(): void {
      this.closeStartTag();
      if (this.open.length > 0) {
        this.open[this.open.length - 1].hasChildren = true;
        this.write(NEWLINE + INDENT.repeat(this.open.length));
      } else if (this.written > 0 && !this.afterDeclaration) {
        this.write(NEWLINE);
      }
      this.afterDeclaration = false;
    }

    private write(text: string): void {
      const bytes = this.encoder.encode(text);
      if (this.written + bytes.length > this.target.length) {
        throw new RangeError(
          `XmlSerializer: the buffer of ${this.target.length} bytes is too small for the XML written (${this.written + bytes.length} bytes)`,
        );
      }
      this.target.set(bytes, this.written);
      this.written += bytes.length;
    }
  }

  export enum EventType {
    START_DOCUMENT,
    END_DOCUMENT,
    START_TAG,
    END_TAG,
    TEXT,
    CDSECT,
    COMMENT,
    DOCDECL,
    INSTRUCTION,
    ENTITY_REFERENCE,
    WHITESPACE,
  }

  export interface ParseInfo {
    getColumnNumber(): number;
    getDepth(): number;
    getLineNumber(): number;
    getName(): string;
    getNamespace(): string;
    getPrefix(): string;
    getText(): string;
    isEmptyElementTag(): boolean;
    isWhitespace(): boolean;
    getAttributeCount(): number;
  }

  export interface ParseOptions {
    supportDoctype?: boolean;
    ignoreNameSpace?: boolean;
    tagValueCallbackFunction?: (name: string, value: string) => boolean;
    attributeValueCallbackFunction?: (name: string, value: string) => boolean;
    tokenValueCallbackFunction?: (eventType: EventType, value: ParseInfo) => boolean;
  }

  export class XmlPullParser {
    private readonly text: string;

    /** Parses the UTF-8 bytes of `buffer`; only 'utf-8' is supported. */
    constructor(buffer: ArrayBuffer | DataView, encoding?: string) {
      const bytes = bytesOf(buffer);
      checkUtf8(encoding);
      const end = bytes.indexOf(0);
      this.text = new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
    }

    /**
     * Walks the document, calling the callbacks for each event; a callback
     * returning false stops the walk. Throws SyntaxError on malformed XML.
     */
    parse(option: ParseOptions): void {
      if (option === null || typeof option !== 'object') {
        throw typeError('option', 'ParseOptions', option);
      }
      for (const name of ['tagValueCallbackFunction', 'attributeValueCallbackFunction', 'tokenValueCallbackFunction'] as const) {
        if (option[name] !== undefined && typeof option[name] !== 'function') {
          throw typeError(name, 'function', option[name]);
        }
      }
      new PullParse(this.text.replace(/\r\n?/g, '\n'), option).run();
    }
  }
}

/** One event's ParseInfo, fixed when the event is reported. */
class EventInfo implements xml.ParseInfo {
  constructor(
    private readonly line: number,
    private readonly column: number,
    private readonly depth: number,
    private readonly name: string,
    private readonly namespace: string,
    private readonly prefix: string,
    private readonly text: string,
    private readonly emptyTag: boolean,
    private readonly whitespace: boolean,
    private readonly attributeCount: number,
  ) {}

  getColumnNumber(): number {
    return this.column;
  }

  getDepth(): number {
    return this.depth;
  }

  getLineNumber(): number {
    return this.line;
  }

  getName(): string {
    return this.name;
  }

  getNamespace(): string {
    return this.namespace;
  }

  getPrefix(): string {
    return this.prefix;
  }

  getText(): string {
    return this.text;
  }

  isEmptyElementTag(): boolean {
    return this.emptyTag;
  }

  isWhitespace(): boolean {
    return this.whitespace;
  }

  getAttributeCount(): number {
    return this.attributeCount;
  }
}

class StopParsing {}

/** One run of XmlPullParser.parse over normalised (LF-only) text. */
class PullParse {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly open: ParsedElement[] = [];
  private rootSeen = false;
  /** isWhitespace of tag events: whether the content just before them was blank (a declaration is not). */
  private blankBefore = true;

  constructor(private readonly src: string, private readonly options: xml.ParseOptions) {}

  run(): void {
    try {
      this.report(xml.EventType.START_DOCUMENT, {});
      if (this.src.startsWith('\uFEFF')) {
        this.pos = 1;
      }
      if (/^<\?xml[ \t\n]/.test(this.src.slice(this.pos, this.pos + 6))) {
        this.advance(this.indexAfter('?>', 'the XML declaration'));
        this.blankBefore = false;
      }
      while (this.pos < this.src.length) {
        this.step();
      }
      if (this.open.length > 0) {
        throw this.error(`element <${this.open[this.open.length - 1].qualifiedName}> is not closed`);
      }
      if (!this.rootSeen) {
        throw this.error('no root element');
      }
      this.report(xml.EventType.END_DOCUMENT, {});
    } catch (error) {
      if (!(error instanceof StopParsing)) {
        throw error;
      }
    }
  }

  private step(): void {
    const src = this.src;
    const at = this.pos;
    if (src[at] !== '<') {
      const end = src.indexOf('<', at);
      const raw = src.slice(at, end === -1 ? src.length : end);
      this.advance(at + raw.length);
      if (this.open.length === 0) {
        if (!isBlank(raw)) {
          throw this.error('text outside the root element');
        }
        return;
      }
      const text = decodeEntities(raw);
      this.reportContent(isBlank(text) ? xml.EventType.WHITESPACE : xml.EventType.TEXT, text);
    } else if (src.startsWith('<!--', at)) {
      const end = this.indexAfter('-->', 'a comment');
      this.advance(end);
      this.reportContent(xml.EventType.COMMENT, src.slice(at + 4, end - 3));
    } else if (src.startsWith('<![CDATA[', at)) {
      if (this.open.length === 0) {
        throw this.error('CDATA outside the root element');
      }
      const end = this.indexAfter(']]>', 'a CDATA section');
      this.advance(end);
      this.reportContent(xml.EventType.CDSECT, src.slice(at + 9, end - 3));
    } else if (src.startsWith('<!DOCTYPE', at)) {
      this.doctype(at);
    } else if (src.startsWith('<?', at)) {
      const end = this.indexAfter('?>', 'a processing instruction');
      this.advance(end);
      this.reportContent(xml.EventType.INSTRUCTION, src.slice(at + 2, end - 2));
    } else if (src.startsWith('</', at)) {
      this.endTag();
    } else {
      this.startTag();
    }
  }

  private doctype(at: number): void {
    if (this.rootSeen) {
      throw this.error('DOCTYPE after the root element');
    }
    let i = at + 9;
    let quote = '';
    let brackets = 0;
    for (; i < this.src.length; i++) {
      const c = this.src[i];
      if (quote !== '') {
        quote = c === quote ? '' : quote;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '[') {
        brackets++;
      } else if (c === ']') {
        brackets--;
      } else if (c === '>' && brackets === 0) {
        break;
      }
    }
    if (i >= this.src.length) {
      throw this.error('unterminated DOCTYPE');
    }
    this.advance(i + 1);
    if (this.options.supportDoctype === true) {
      this.reportContent(xml.EventType.DOCDECL, this.src.slice(at + 9, i).trim());
    }
  }

  private startTag(): void {
    if (this.rootSeen && this.open.length === 0) {
      throw this.error('a second root element');
    }
    this.pos++;
    const qualifiedName = this.name('element name');
    const attributes: [string, string][] = [];
    for (;;) {
      const hadSpace = this.skipSpaces();
      const c = this.src[this.pos];
      if (c === '>' || (c === '/' && this.src[this.pos + 1] === '>')) {
        break;
      }
      if (c === undefined) {
        throw this.error(`unterminated start tag <${qualifiedName}>`);
      }
      if (!hadSpace) {
        throw this.error(`expected whitespace, '>' or '/>' in <${qualifiedName}>`);
      }
      const name = this.name('attribute name');
      this.skipSpaces();
      if (this.src[this.pos] !== '=') {
        throw this.error(`attribute ${name} has no value`);
      }
      this.pos++;
      this.skipSpaces();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") {
        throw this.error(`the value of attribute ${name} is not quoted`);
      }
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end === -1) {
        throw this.error(`unterminated value of attribute ${name}`);
      }
      const raw = this.src.slice(this.pos + 1, end);
      if (raw.includes('<')) {
        throw this.error(`'<' in the value of attribute ${name}`);
      }
      if (attributes.some(([seen]) => seen === name)) {
        throw this.error(`duplicate attribute ${name} in <${qualifiedName}>`);
      }
      attributes.push([name, decodeEntities(raw.replace(/[\t\n]/g, ' '))]);
      this.advance(end + 1);
    }
    const empty = this.src[this.pos] === '/';
    this.advance(this.pos + (empty ? 2 : 1));
    const element = this.element(qualifiedName, attributes);
    this.open.push(element);
    this.rootSeen = true;
    this.reportTag(xml.EventType.START_TAG, element, empty);
    if (empty) {
      this.reportTag(xml.EventType.END_TAG, element, false);
      this.open.pop();
    }
  }

  private endTag(): void {
    this.pos += 2;
    const name = this.name('element name');
    this.skipSpaces();
    if (this.src[this.pos] !== '>') {
      throw this.error(`unterminated end tag </${name}>`);
    }
    this.advance(this.pos + 1);
    const element = this.open[this.open.length - 1];
    if (element === undefined || element.qualifiedName !== name) {
      throw this.error(`end tag </${name}> does not match ${element ? `<${element.qualifiedName}>` : 'any open element'}`);
    }
    this.reportTag(xml.EventType.END_TAG, element, false);
    this.open.pop();
  }

  /** Splits the name and resolves namespaces (unless ignoreNameSpace). */
  private element(qualifiedName: string, attributes: [string, string][]): ParsedElement {
    const parentScope = this.open.length > 0 ? this.open[this.open.length - 1].scope : new Map<string, string>();
    if (this.options.ignoreNameSpace === true) {
      return { qualifiedName, prefix: '', localName: qualifiedName, namespace: '', attributes, scope: parentScope };
    }
    let scope = parentScope;
    for (const [name, value] of attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        scope = scope === parentScope ? new Map(parentScope) : scope;
        scope.set(name === 'xmlns' ? '' : name.slice(6), value);
      }
    }
    const colon = qualifiedName.indexOf(':');
    const prefix = colon === -1 ? '' : qualifiedName.slice(0, colon);
    const localName = colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1);
    return { qualifiedName, prefix, localName, namespace: scope.get(prefix) ?? '', attributes, scope };
  }

  private reportTag(type: xml.EventType, element: ParsedElement, empty: boolean): void {
    this.call(this.options.tagValueCallbackFunction, element.qualifiedName, '');
    if (type === xml.EventType.START_TAG) {
      for (const [name, value] of element.attributes) {
        this.call(this.options.attributeValueCallbackFunction, name, value);
      }
    }
    const blank = this.blankBefore;
    this.blankBefore = true;
    this.report(type, {
      name: element.localName,
      namespace: element.namespace,
      prefix: element.prefix,
      empty,
      blank,
      attributeCount: element.attributes.length,
    });
  }

  /** Text-like events: TEXT and CDSECT also go to the tag-value callback. */
  private reportContent(type: xml.EventType, text: string): void {
    if (type === xml.EventType.TEXT || type === xml.EventType.CDSECT) {
      this.call(this.options.tagValueCallbackFunction, '', text);
    }
    this.blankBefore = isBlank(text);
    this.report(type, { text, blank: this.blankBefore });
  }

  private report(
    type: xml.EventType,
    fields: {
      name?: string; namespace?: string; prefix?: string; text?: string;
      empty?: boolean; blank?: boolean; attributeCount?: number;
    },
  ): void {
    const callback = this.options.tokenValueCallbackFunction;
    if (callback === undefined) {
      return;
    }
    const info = new EventInfo(
      this.line,
      this.pos - this.lineStart + 1,
      this.open.length,
      fields.name ?? '',
      fields.namespace ?? '',
      fields.prefix ?? '',
      fields.text ?? '',
      fields.empty ?? false,
      fields.blank ?? this.blankBefore,
      fields.attributeCount ?? 0,
    );
    if (callback(type, info) === false) {
      throw new StopParsing();
    }
  }

  private call(callback: ((name: string, value: string) => boolean) | undefined, name: string, value: string): void {
    if (callback !== undefined && callback(name, value) === false) {
      throw new StopParsing();
    }
  }

  private name(what: string): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.src);
    if (match === null) {
      throw this.error(`expected an ${what}`);
    }
    this.pos += match[0].length;
    return match[0];
  }

  /** Skips whitespace inside a tag; true when there was some. */
  private skipSpaces(): boolean {
    SPACES.lastIndex = this.pos;
    const skipped = (SPACES.exec(this.src) as RegExpExecArray)[0];
    this.advance(this.pos + skipped.length);
    return skipped.length > 0;
  }

  private indexAfter(terminator: string, what: string): number {
    const end = this.src.indexOf(terminator, this.pos);
    if (end === -1) {
      throw this.error(`unterminated ${what}`);
    }
    return end + terminator.length;
  }

  /** Moves to `to`, keeping the line and column up to date. */
  private advance(to: number): void {
    for (let i = this.pos; i < to; i++) {
      if (this.src.charCodeAt(i) === 10) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.pos = to;
  }

  private error(message: string): SyntaxError {
    return new SyntaxError(`XML syntax error at line ${this.line}, column ${this.pos - this.lineStart + 1}: ${message}`);
  }
}

export default xml;
