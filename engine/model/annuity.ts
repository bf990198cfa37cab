/**
 * Equal annual payment that repays `capital` over `years` at `rate` (MODEL.md §3; C/L when r = 0).
 * 1 − (1 + r)^−L is computed as −expm1(−L·log1p(r)), so a blended rate that is 0 up to rounding
 * (1e-18, say) still gives C/L instead of dividing by a denominator that rounded to 0.
 */
export function annuity(capital: number, rate: number, years: number): number {
  return rate === 0 ? capital / years : (capital * rate) / -Math.expm1(-years * Math.log1p(rate));
}
