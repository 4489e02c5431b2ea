// Reads one top-level string field of a JSON answer while it is still being
// generated: fed the model's text piece by piece, it returns each new piece
// of that field's decoded value. Ask AI streams its `answer` this way (the
// field comes first in the response schema's property ordering).
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

export class JsonStringFieldReader {
  private raw = "";
  /** Index in `raw` of the next undecoded character of the value; -1 until the field's opening quote is seen. */
  private at = -1;
  private done = false;
  private readonly opening: RegExp;

  constructor(field: string) {
    this.opening = new RegExp(`"${field}"\\s*:\\s*"`);
  }

  /** Adds model text; returns what it adds to the field's value ('' when nothing yet). */
  push(text: string): string {
    this.raw += text;
    if (this.done) return "";
    if (this.at < 0) {
      const match = this.opening.exec(this.raw);
      if (!match) return "";
      this.at = match.index + match[0].length;
    }
    let out = "";
    while (this.at < this.raw.length) {
      const ch = this.raw[this.at];
      if (ch === '"') {
        this.done = true;
        break;
      }
      if (ch !== "\\") {
        out += ch;
        this.at += 1;
        continue;
      }
      const kind = this.raw[this.at + 1];
      if (kind === undefined) break; // the escape continues in the next piece
      if (kind === "u") {
        const hex = this.raw.slice(this.at + 2, this.at + 6);
        if (hex.length < 4) break;
        out += String.fromCharCode(parseInt(hex, 16));
        this.at += 6;
      } else {
        out += ESCAPES[kind] ?? kind;
        this.at += 2;
      }
    }
    return out;
  }
}
