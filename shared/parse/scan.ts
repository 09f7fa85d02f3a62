/*
 * Lookups the target finder makes for every number it meets ("is there a 达到 in this clause?",
 * "where does this sentence start?"). Done naively each one scans back or ahead through the text,
 * which made a long paragraph with many numbers quadratic. Here each lookup remembers where the
 * previous one ended: asked at increasing positions, all lookups of one pass cost linear time.
 */

/**
 * The first match of a pattern at or after a position. The pattern must be global and have no
 * anchors or lookarounds and never match the empty string, so that a match inside a slice of the
 * text is a match in the whole text at the same place.
 */
export class ForwardFinder {
  private asked = -1;
  private found: RegExpExecArray | null = null;
  private readonly single: RegExp;

  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
  ) {
    if (!pattern.global) throw new Error('ForwardFinder needs a global pattern');
    this.single = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  }

  /** First match starting at `position` or later, or null. */
  at(position: number): RegExpExecArray | null {
    // The match found for an earlier position is still the first one if it starts at or after this one.
    if (this.asked >= 0 && this.asked <= position && (this.found === null || this.found.index >= position)) return this.found;
    this.pattern.lastIndex = position;
    this.found = this.pattern.exec(this.text);
    this.asked = position;
    return this.found;
  }

  /** What `pattern.exec(text.slice(start, end))` finds, with the index counted in the whole text. */
  firstWithin(start: number, end: number): { index: number; match: RegExpExecArray } | null {
    const match = this.at(start);
    if (!match || match.index >= end) return null;
    if (match.index + match[0].length <= end) return { index: match.index, match };
    // It runs past the end: the slice may still match at or after that place (a shorter alternative).
    const rest = this.single.exec(this.text.slice(match.index, end));
    return rest ? { index: match.index + rest.index, match: rest } : null;
  }

  /** What `pattern.test(text.slice(start, end))` says. */
  within(start: number, end: number): boolean {
    return this.firstWithin(start, end) !== null;
  }
}

/** The last position before a given one holding one of some characters (-1 if none). */
export class LastOf {
  private scanned = 0;
  private last = -1;

  constructor(
    private readonly text: string,
    private readonly chars: string,
  ) {}

  before(index: number): number {
    if (index < this.scanned) {
      // Asked about an earlier place: start over (each pass of the finder asks in increasing order).
      this.scanned = 0;
      this.last = -1;
    }
    for (; this.scanned < index && this.scanned < this.text.length; this.scanned++) {
      if (this.chars.includes(this.text[this.scanned]!)) this.last = this.scanned;
    }
    return this.last;
  }
}
