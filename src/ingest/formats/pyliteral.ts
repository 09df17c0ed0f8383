/**
 * A safe reader for Python literals: the subset `ast.literal_eval` accepts for data (dicts, lists,
 * tuples, strings, numbers, `True`/`False`/`None`). Some raw `api/daily_papers` days were saved
 * as JSON lists of `repr(dict)` strings (SOURCES.md), which JSON.parse cannot read.
 *
 * Hand-written because no npm library parses Python literals, and evaluating the text (`eval`,
 * `Function`) would run untrusted input. This is a small recursive-descent parser over the
 * grammar `repr()` produces; it never executes anything and rejects whatever is not a literal.
 */

/** A parse failure, with the 0-based offset in the text where it happened. */
export class PyLiteralError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
    this.name = 'PyLiteralError';
  }
}

/** What a Python literal becomes: JSON-shaped data (tuples become arrays). */
export type PyValue = null | boolean | number | string | PyValue[] | { [key: string]: PyValue };

/** Nesting deeper than this is not data a digest holds; refusing it keeps the stack safe. */
const MAX_DEPTH = 200;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

class Parser {
  private pos = 0;

  private readonly text: string;

  // A plain field, not a parameter property: the ingest CLI runs on Node's type stripping, which has none.
  constructor(text: string) {
    this.text = text;
  }

  parseAll(): PyValue {
    const value = this.value(0);
    this.space();
    if (this.pos < this.text.length) this.fail(`expected the end of the literal, found ${this.describe()}`);
    return value;
  }

  private fail(message: string): never {
    throw new PyLiteralError(message, this.pos);
  }

  private describe(): string {
    if (this.pos >= this.text.length) return 'the end of the text';
    return JSON.stringify(this.text.slice(this.pos, this.pos + 12));
  }

  private space(): void {
    // Whitespace and backslash-newline continuations between tokens, as Python's tokenizer allows;
    // also the non-breaking spaces a copy may put there (Python would not, but they mean nothing).
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (
        c === ' ' ||
        c === '\t' ||
        c === '\n' ||
        c === '\r' ||
        c === '\f' ||
        c === '\u00a0' ||
        c === '\u2007' ||
        c === '\u202f' ||
        c === '\ufeff'
      )
        this.pos++;
      else if (c === '\\' && (this.text[this.pos + 1] === '\n' || this.text[this.pos + 1] === '\r')) this.pos += 2;
      else break;
    }
  }

  private value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail(`expected at most ${MAX_DEPTH} levels of nesting`);
    this.space();
    const c = this.text[this.pos];
    if (c === '{') return this.dict(depth);
    if (c === '[') return this.sequence(']', depth);
    if (c === '(') return this.sequence(')', depth);
    if (c === "'" || c === '"' || /[rRuUbB]/.test(c ?? '')) {
      const s = this.strings();
      if (s !== null) return s;
    }
    if (c === '-' || c === '+' || c === '.' || /\d/.test(c ?? '')) return this.number();
    for (const [word, v] of [
      ['True', true],
      ['False', false],
      ['None', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos) && !/[\w]/.test(this.text[this.pos + word.length] ?? '')) {
        this.pos += word.length;
        return v;
      }
    }
    return this.fail(`expected a Python literal (dict, list, string, number, True, False or None), found ${this.describe()}`);
  }

  private dict(depth: number): PyValue {
    this.pos++; // {
    const out: Record<string, PyValue> = {};
    for (;;) {
      this.space();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return out;
      }
      const key = this.value(depth + 1);
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean' && key !== null) {
        this.fail('expected a string, number, boolean or None as a dict key');
      }
      this.space();
      if (this.text[this.pos] !== ':') this.fail(`expected ":" after a dict key, found ${this.describe()}`);
      this.pos++;
      // defineProperty, not assignment: a `__proto__` key must stay data, never reach the prototype.
      Object.defineProperty(out, String(key), { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}') this.fail(`expected "," or "}" in a dict, found ${this.describe()}`);
    }
  }

  private sequence(close: string, depth: number): PyValue[] {
    this.pos++; // [ or (
    const out: PyValue[] = [];
    for (;;) {
      this.space();
      if (this.text[this.pos] === close) {
        this.pos++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== close) this.fail(`expected "," or "${close}", found ${this.describe()}`);
    }
  }

  /** One string or several adjacent ones (`'a' 'b'` is `'ab'` in Python); null if no string starts here. */
  private strings(): string | null {
    let out: string | null = null;
    for (;;) {
      const save = this.pos;
      this.space();
      const s = this.string();
      if (s === null) {
        this.pos = save;
        return out;
      }
      out = (out ?? '') + s;
    }
  }

  private string(): string | null {
    const prefix = /^[rRuUbB]{0,2}(?=['"])/.exec(this.text.slice(this.pos, this.pos + 3));
    if (!prefix) return null;
    const raw = /r/i.test(prefix[0]);
    const bytes = /b/i.test(prefix[0]);
    this.pos += prefix[0].length;
    const quote = this.text[this.pos]!;
    const triple = this.text.startsWith(quote.repeat(3), this.pos);
    const delim = triple ? quote.repeat(3) : quote;
    const start = this.pos;
    this.pos += delim.length;
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) {
        this.pos = start;
        this.fail('expected the end of a string, found the end of the text');
      }
      if (this.text.startsWith(delim, this.pos)) {
        this.pos += delim.length;
        return out;
      }
      const c = this.text[this.pos]!;
      if (!triple && (c === '\n' || c === '\r')) this.fail('expected the end of a string, found a line break');
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      if (raw) {
        // A raw string keeps the backslash and the character after it (even a quote).
        out += this.text.slice(this.pos, this.pos + 2);
        this.pos += 2;
        continue;
      }
      out += this.escape(bytes);
    }
  }

  private escape(bytes: boolean): string {
    const next = this.text[this.pos + 1];
    if (next === undefined) this.fail('expected an escape after "\\", found the end of the text');
    if (next === '\n') {
      this.pos += 2;
      return '';
    }
    if (next in SIMPLE_ESCAPES) {
      this.pos += 2;
      return SIMPLE_ESCAPES[next]!;
    }
    const hex = (len: number): string => {
      const digits = this.text.slice(this.pos + 2, this.pos + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(digits)) this.fail(`expected ${len} hex digits after "\\${next}"`);
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) this.fail('expected a code point below 0x110000');
      this.pos += 2 + len;
      return String.fromCodePoint(code);
    };
    if (next === 'x') return hex(2);
    if (!bytes && next === 'u') return hex(4);
    if (!bytes && next === 'U') return hex(8);
    const octal = /^[0-7]{1,3}/.exec(this.text.slice(this.pos + 1, this.pos + 4));
    if (octal) {
      this.pos += 1 + octal[0].length;
      return String.fromCharCode(parseInt(octal[0], 8));
    }
    // Python keeps an unknown escape (`\d`) as the two characters.
    this.pos += 2;
    return `\\${next}`;
  }

  private number(): number {
    const m = /^[-+]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?)/.exec(
      this.text.slice(this.pos, this.pos + 64),
    );
    if (!m || !/\d/.test(m[0])) return this.fail(`expected a number, found ${this.describe()}`);
    if (/[jJ]/.test(this.text[this.pos + m[0].length] ?? '')) this.fail('expected a real number, found a complex one');
    this.pos += m[0].length;
    const body = m[0].replace(/_/g, '');
    const sign = body.startsWith('-') ? -1 : 1;
    const unsigned = body.replace(/^[-+]/, '');
    const radix = /^0[xX]/.test(unsigned) ? 16 : /^0[oO]/.test(unsigned) ? 8 : /^0[bB]/.test(unsigned) ? 2 : 10;
    return sign * (radix === 10 ? Number(unsigned) : parseInt(unsigned.slice(2), radix));
  }
}

/**
 * Parses one Python literal (`{'paper': {'id': '2412.01234', 'hidden': False}, 'x': None}`) into
 * JSON-shaped data. Throws `PyLiteralError` (with the offset) for anything that is not a literal;
 * never evaluates code.
 */
export function parsePyLiteral(text: string): PyValue {
  return new Parser(text).parseAll();
}
