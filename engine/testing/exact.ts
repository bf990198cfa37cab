// Exact rational numbers (BigInt numerator / denominator), used by the reference model to
// decide comparisons that floating point cannot decide (P[h] exactly on a capacity limit,
// Σ resNominalTWh exactly on targetTWh) and by the dataset generator to build such ties.
// Independent of the engine: test code only.

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export class Q {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new Error('Q: division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    this.n = g > 1n ? n / g : n;
    this.d = g > 1n ? d / g : d;
  }

  static readonly ZERO = new Q(0n);
  static readonly ONE = new Q(1n);

  /** Exact value of a decimal text ("0.0012", "-3", "5e-7"), or of a JS number read as its
   *  shortest decimal representation (what JSON text with that number says). */
  static of(x: number | string | bigint): Q {
    if (typeof x === 'bigint') return new Q(x);
    const text = typeof x === 'number' ? String(x) : x.trim();
    if (typeof x === 'number' && !Number.isFinite(x)) throw new Error(`Q.of: ${x}`);
    const m = DECIMAL.exec(text);
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === '')))
      throw new Error(`Q.of: not a decimal: ${JSON.stringify(text)}`);
    const sign = m[1] === '-' ? -1n : 1n;
    const intPart = m[2] || '0';
    const frac = m[3] ?? '';
    const exp = m[4] ? parseInt(m[4], 10) : 0;
    let n = BigInt(intPart + frac) * sign;
    let d = 10n ** BigInt(frac.length);
    if (exp > 0) n *= 10n ** BigInt(exp);
    else if (exp < 0) d *= 10n ** BigInt(-exp);
    return new Q(n, d);
  }

  add(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Q): Q {
    return new Q(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return new Q(this.n * o.d, this.d * o.n);
  }
  neg(): Q {
    return new Q(-this.n, this.d);
  }
  cmp(o: Q): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  lt(o: Q): boolean {
    return this.cmp(o) < 0;
  }
  gt(o: Q): boolean {
    return this.cmp(o) > 0;
  }
  eq(o: Q): boolean {
    return this.cmp(o) === 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  static min(...xs: Q[]): Q {
    return xs.reduce((a, b) => (b.lt(a) ? b : a));
  }
  static max(...xs: Q[]): Q {
    return xs.reduce((a, b) => (b.gt(a) ? b : a));
  }

  /** Nearest double (within one ulp). */
  toNumber(): number {
    if (this.n === 0n) return 0;
    const neg = this.n < 0n;
    const an = neg ? -this.n : this.n;
    // scale so that the integer quotient carries at least 80 significant bits
    const shift = BigInt(Math.max(0, 80 - (an.toString(2).length - this.d.toString(2).length)));
    const q = (an << shift) / this.d;
    const v = Number(q) / 2 ** Number(shift);
    return neg ? -v : v;
  }

  /** Exact decimal text, or null when the denominator has prime factors other than 2 and 5. */
  toDecimal(): string | null {
    let d = this.d;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    if (d !== 1n) return null;
    const k = Math.max(twos, fives);
    const scaled = (this.n * 10n ** BigInt(k)) / this.d;
    const neg = scaled < 0n;
    let s = (neg ? -scaled : scaled).toString();
    if (k > 0) {
      s = s.padStart(k + 1, '0');
      s = `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`.replace(/0+$/, '').replace(/\.$/, '');
    }
    return (neg ? '-' : '') + s;
  }

  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

/** sign(α + β·√u) for rationals α, β and u ≥ 0, exactly. */
function signAlphaBetaRoot(alpha: Q, beta: Q, u: Q): number {
  const sa = alpha.cmp(Q.ZERO);
  const sb = u.isZero() ? 0 : beta.cmp(Q.ZERO);
  if (sb === 0) return sa;
  if (sa === 0 || sa === sb) return sb;
  // opposite signs: the larger magnitude wins; compare α² with β²·u
  const c = alpha.mul(alpha).cmp(beta.mul(beta).mul(u));
  return c === 0 ? 0 : c > 0 ? sa : sb;
}

/** sign(α + β·√u + γ·√v) for rationals α, β, γ and u, v ≥ 0, exactly (for sums with square roots,
 *  such as the LV diversity margins z·√(σ²/n) of MODEL.md §9). */
export function signWithRoots(alpha: Q, beta: Q, u: Q, gamma: Q, v: Q): number {
  if (u.lt(Q.ZERO) || v.lt(Q.ZERO)) throw new Error('signWithRoots: negative radicand');
  // L = α + β√u against R = −γ√v
  const sL = signAlphaBetaRoot(alpha, beta, u);
  const sR = v.isZero() ? 0 : -gamma.cmp(Q.ZERO);
  if (sR === 0) return sL;
  if (sL !== sR) return sL === 0 ? -sR : sL;
  // same sign s: L − R has the sign of s × (L² − R²); L² − R² = α² + β²u − γ²v + 2αβ√u
  const two = new Q(2n);
  const d = signAlphaBetaRoot(
    alpha.mul(alpha).add(beta.mul(beta).mul(u)).sub(gamma.mul(gamma).mul(v)),
    two.mul(alpha).mul(beta),
    u,
  );
  return sL * d;
}
