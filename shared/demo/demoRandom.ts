// A small seeded random source for the demo data: the same seed gives the same records on every
// machine (tests, benchmarks and two laptops loading the demo all see one data set). Not for secrets.

/** String or number seed → 32-bit state (FNV-1a over the seed's text). */
function hashSeed(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class DemoRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string | number) {
    // sfc32 seeded from four differently salted hashes; a few rounds mix the state.
    this.a = hashSeed(`${seed}:a`);
    this.b = hashSeed(`${seed}:b`);
    this.c = hashSeed(`${seed}:c`);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** A random-looking but seed-determined id in the UUID v4 text format (same shape as real ids). */
  uuid(): string {
    const a = this.nextUint32();
    const b = this.nextUint32();
    const c = this.nextUint32();
    const d = this.nextUint32();
    // Version nibble 4 and variant bits 10xx, as crypto.randomUUID() sets them.
    const b2 = ((b >>> 8) & 0x0f) | 0x40;
    const c0 = ((c >>> 24) & 0x3f) | 0x80;
    return (
      HEX[a >>> 24]! + HEX[(a >>> 16) & 0xff]! + HEX[(a >>> 8) & 0xff]! + HEX[a & 0xff]! + '-' +
      HEX[b >>> 24]! + HEX[(b >>> 16) & 0xff]! + '-' + HEX[b2]! + HEX[b & 0xff]! + '-' +
      HEX[c0]! + HEX[(c >>> 16) & 0xff]! + '-' + HEX[(c >>> 8) & 0xff]! + HEX[c & 0xff]! +
      HEX[d >>> 24]! + HEX[(d >>> 16) & 0xff]! + HEX[(d >>> 8) & 0xff]! + HEX[d & 0xff]!
    );
  }
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
