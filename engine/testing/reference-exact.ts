// The exact side of the reference model: the quantities whose comparison with a hard edge decides a
// discrete outcome, recomputed in rational arithmetic (exact.ts) from the decimal texts of the dataset
// and the scenario when floating point is too close to call:
//   - P[h] against gridFeedinMW / −gridOfftakeMW (§2.3, §2.4),
//   - Σ resNominalTWh against targetTWh (§4),
//   - an LV class's peak p_k against the LV capacity cap (§9.4), where both carry a square root.

import { Q, signWithRoots } from './exact.ts';
import type { Dataset, Profile, ProfileSet, RegionData } from './reference-dataset.ts';

export interface Scenario {
  name?: string;
  national?: Record<string, number | null>;
  defaults?: Record<string, number | null>;
  regions?: Record<string, Record<string, number | null>>;
}

/** Regional parameters with a default of their own (null: from the region data, or for solarShare null). */
export const REGIONAL_DEFAULTS: Record<string, number | null> = {
  solarRoofTWh: null,
  solarFieldTWh: null,
  windTWh: null,
  solarSmallRoofTWh: null,
  resScale: 1,
  solarShare: null,
  fieldSolarClip: 1,
  storageMW: 0,
  storageMWh: 0,
  shareAllElectric: 0,
  shareHybrid: 0,
  shareHeatNet: 0,
  shareInsulationOnly: 0,
  evCount: 0,
  evSmartShare: 0,
  industryAddMW: 0,
  gridFeedinMW: null,
  gridOfftakeMW: null,
  wijkClustering: 0.5,
  lvCapacityKWPerHome: null,
};

export function qsum(xs: Q[]): Q {
  let s = Q.ZERO;
  for (const x of xs) s = s.add(x);
  return s;
}

/** §1.3 / §1.5 layering in exact arithmetic (grid capacities and the LV capacity are left to the caller). */
export function resolveRegionalExact(r: RegionData, sc: Scenario): Record<string, Q | null> {
  const p: Record<string, Q | null> = {};
  for (const [k, v] of Object.entries(REGIONAL_DEFAULTS)) p[k] = v === null ? null : Q.of(v);
  for (const k of ['solarRoofTWh', 'solarFieldTWh', 'windTWh', 'solarSmallRoofTWh']) p[k] = Q.of(r.text[k]);
  p.gridFeedinMW = null;
  p.gridOfftakeMW = null;
  for (const layer of [sc.defaults ?? {}, sc.regions?.[r.id] ?? {}])
    for (const [k, v] of Object.entries(layer)) p[k] = v === null ? null : Q.of(v);
  const s = p.resScale!;
  p.solarRoofTWh = p.solarRoofTWh!.mul(s);
  p.solarFieldTWh = p.solarFieldTWh!.mul(s);
  p.windTWh = p.windTWh!.mul(s);
  if (p.solarShare !== null) {
    const T = p.solarRoofTWh.add(p.solarFieldTWh).add(p.windTWh);
    const roofField = p.solarRoofTWh.add(p.solarFieldTWh);
    const roofFrac = roofField.isZero() ? Q.of('0.4') : p.solarRoofTWh.div(roofField);
    const solar = p.solarShare.mul(T);
    p.solarRoofTWh = roofFrac.mul(solar);
    p.solarFieldTWh = solar.sub(p.solarRoofTWh);
    p.windTWh = T.sub(solar);
  }
  return p;
}

/** A number a + b·√u (a, b, u rational, u ≥ 0). */
interface Surd {
  a: Q;
  b: Q;
  u: Q;
}
const rational = (a: Q): Surd => ({ a, b: Q.ZERO, u: Q.ZERO });
/** sign(x − y), exactly. */
function surdCmp(x: Surd, y: Surd): number {
  return signWithRoots(x.a.sub(y.a), x.b, x.u, y.b.neg(), y.u);
}
const surdMax = (x: Surd, y: Surd): Surd => (surdCmp(x, y) >= 0 ? x : y);

/** A profile in exact arithmetic: hours and the total converted on first use. */
class ExactProfile {
  private readonly hours = new Map<number, Q>();
  private total: Q | undefined;
  constructor(private readonly profile: Profile) {}
  at(h: number): Q {
    let v = this.hours.get(h);
    if (!v) {
      v = Q.of(this.profile.texts[h]);
      this.hours.set(h, v);
    }
    return v;
  }
  sum(): Q {
    this.total ??= qsum(this.profile.texts.map((t) => Q.of(t)));
    return this.total;
  }
  get length(): number {
    return this.profile.texts.length;
  }
}

const M = Q.of(1e6);
const THOUSAND = Q.of(1000);

/** Everything needed to compute P[h] and the LV loads exactly for one region, built on first use. */
export class ExactRegion {
  private readonly p: Record<string, Q | null>;
  private readonly nat: Record<string, Q>;
  private readonly solarCF: ExactProfile;
  private readonly windCF: ExactProfile;
  private readonly tempC: ExactProfile;
  private readonly baseShape: ExactProfile;
  private readonly hhShape: ExactProfile;
  private readonly evDumb: ExactProfile;
  private readonly evSmart: ExactProfile;
  private readonly refSolarCF: ExactProfile;
  private readonly refWindCF: ExactProfile;
  private readonly refBaseShape: ExactProfile;
  private readonly refHhShape: ExactProfile;
  private readonly refTemp: ExactProfile;
  private readonly H: number;
  private readonly refH: number;
  private shRef: Q | undefined;
  private readonly r: RegionData;
  private readonly sc: Scenario;
  private F: Q | undefined;
  private O: Q | undefined;
  private Odata: Q | undefined;

  constructor(ds: Dataset, run: ProfileSet, r: RegionData, sc: Scenario, nat: Record<string, number>) {
    this.r = r;
    this.sc = sc;
    this.H = run.H;
    this.refH = ds.reference.H;
    this.p = resolveRegionalExact(r, sc);
    this.nat = {};
    for (const [k, v] of Object.entries(nat)) this.nat[k] = Q.of(v);
    const q = (prof: Profile) => new ExactProfile(prof);
    const ref = ds.reference.profiles;
    this.solarCF = q(run.profiles.get(r.solarProfile)!);
    this.windCF = q(run.profiles.get(r.windProfile)!);
    this.tempC = q(run.profiles.get(r.tempProfile)!);
    this.baseShape = q(run.profiles.get(r.baseProfile)!);
    this.hhShape = q(run.profiles.get(r.householdProfile)!);
    this.evDumb = q(run.evDumb);
    this.evSmart = q(run.evSmart);
    this.refSolarCF = q(ref.get(r.solarProfile)!);
    this.refWindCF = q(ref.get(r.windProfile)!);
    this.refBaseShape = q(ref.get(r.baseProfile)!);
    this.refHhShape = q(ref.get(r.householdProfile)!);
    this.refTemp = q(ref.get(r.tempProfile)!);
  }

  // §2.1 and §2.2: full-load hours and Σ shRef always over the reference profiles
  private get FLHs(): Q {
    return this.refSolarCF.sum();
  }
  private get FLHw(): Q {
    return this.refWindCF.sum();
  }
  private get shRefSum(): Q {
    if (!this.shRef) {
      let s = Q.ZERO;
      for (let h = 0; h < this.refH; h++) s = s.add(Q.max(Q.ZERO, this.nat.heatBaseTempC.sub(this.refTemp.at(h))));
      this.shRef = s;
    }
    return this.shRef;
  }

  private perFLH(twh: Q, flh: Q): Q {
    return twh.isZero() ? Q.ZERO : twh.mul(M).div(flh);
  }

  private base(h: number): Q {
    return Q.of(this.r.text.baseDemandTWh).mul(M).mul(this.baseShape.at(h)).div(this.baseShape.sum());
  }

  private refBase(h: number): Q {
    return Q.of(this.r.text.baseDemandTWh).mul(M).mul(this.refBaseShape.at(h)).div(this.refBaseShape.sum());
  }

  private offtakeData(): Q {
    if (this.Odata) return this.Odata;
    const t = this.r.text.gridOfftakeMW;
    if (t !== '') this.Odata = Q.of(t);
    else {
      let m: Q | undefined;
      for (let h = 0; h < this.refH; h++) {
        const b = this.refBase(h);
        if (!m || b.gt(m)) m = b;
      }
      this.Odata = Q.of('1.3').mul(m!);
    }
    return this.Odata;
  }

  /** gridOfftakeMW of the region, exactly. */
  offtake(): Q {
    if (this.O) return this.O;
    const o = this.sc.regions?.[this.r.id]?.gridOfftakeMW ?? this.sc.defaults?.gridOfftakeMW;
    this.O = o !== undefined && o !== null ? Q.of(o) : this.offtakeData();
    return this.O;
  }

  /** gridFeedinMW of the region, exactly (§1.4 over the reference profiles). */
  feedin(): Q {
    if (this.F) return this.F;
    const f = this.sc.regions?.[this.r.id]?.gridFeedinMW ?? this.sc.defaults?.gridFeedinMW;
    if (f !== undefined && f !== null) this.F = Q.of(f);
    else if (this.r.text.gridFeedinMW !== '') this.F = Q.of(this.r.text.gridFeedinMW);
    else {
      const t = this.r.text;
      const solarToday = Q.of(t.existingSolarRoofTWh).add(Q.of(t.existingSolarFieldTWh)).add(Q.of(t.solarSmallRoofTWh));
      const ps = this.perFLH(solarToday, this.FLHs);
      const pw = this.perFLH(Q.of(t.existingWindTWh), this.FLHw);
      let m: Q | undefined;
      for (let h = 0; h < this.refH; h++) {
        const net = ps
          .mul(this.refSolarCF.at(h))
          .add(pw.mul(this.refWindCF.at(h)))
          .sub(this.refBase(h));
        if (!m || net.gt(m)) m = net;
      }
      this.F = Q.max(Q.of('0.6').mul(this.offtakeData()), m!);
    }
    return this.F;
  }

  private readonly cache = new Map<number, Q>();

  /** P[h] = gen[h] − load[h], exactly (MODEL.md §2.1, §2.2). */
  P(h: number): Q {
    let v = this.cache.get(h);
    if (!v) {
      v = this.computeP(h);
      this.cache.set(h, v);
    }
    return v;
  }

  private get pq(): Record<string, Q> {
    return this.p as Record<string, Q>;
  }

  private homes(): Q {
    return Q.of(this.r.text.homes);
  }

  private Qkwh(): Q {
    return this.nat.heatPerHomeGJ.mul(Q.of(1e9)).div(Q.of(3.6e6));
  }

  private heatShape(h: number): Q {
    const n = this.nat;
    const HQ = Q.of(this.H);
    const sh = Q.max(Q.ZERO, n.heatBaseTempC.sub(this.tempC.at(h)));
    return this.shRefSum.isZero()
      ? Q.ONE.div(HQ)
      : Q.ONE.sub(n.dhwShare).mul(sh).div(this.shRefSum).add(n.dhwShare.div(HQ));
  }

  private COP(h: number): Q {
    const n = this.nat;
    return Q.min(n.copMax, Q.max(n.copMin, n.copA.add(n.copB.mul(this.tempC.at(h)))));
  }

  /** §9.1 ae1[h]: an all-electric home's heat-pump load (kW). */
  private ae1(h: number): Q {
    const Qae = this.Qkwh().mul(Q.ONE.sub(this.nat.deepInsulationSaving));
    return Qae.mul(this.heatShape(h)).div(this.COP(h));
  }

  /** §9.1 hy1[h]: a hybrid home's heat-pump load (kW). */
  private hy1(h: number): Q {
    const Qins = this.Qkwh().mul(Q.ONE.sub(this.nat.insulationSaving));
    const hp = Q.min(Qins.mul(this.heatShape(h)), this.nat.hybridThermalKW);
    return hp.div(this.COP(h));
  }

  private evMW(h: number): Q {
    const sigma = this.pq.evSmartShare;
    return this.pq.evCount
      .mul(this.nat.evKWhPerYear)
      .div(THOUSAND)
      .mul(
        Q.ONE.sub(sigma)
          .mul(this.evDumb.at(h).div(this.evDumb.sum()))
          .add(sigma.mul(this.evSmart.at(h).div(this.evSmart.sum()))),
      );
  }

  private computeP(h: number): Q {
    const p = this.pq;
    const Proof = this.perFLH(p.solarRoofTWh, this.FLHs);
    const Pfield = this.perFLH(p.solarFieldTWh, this.FLHs);
    const Pwind = this.perFLH(p.windTWh, this.FLHw);
    const Psmall = this.perFLH(p.solarSmallRoofTWh, this.FLHs);
    const fieldRaw = Pfield.mul(this.solarCF.at(h));
    const field = Q.min(fieldRaw, p.fieldSolarClip.mul(Pfield));
    const gen = Proof.mul(this.solarCF.at(h))
      .add(field)
      .add(Pwind.mul(this.windCF.at(h)))
      .add(Psmall.mul(this.solarCF.at(h)));
    const homes = this.homes();
    const aeMW = p.shareAllElectric.mul(homes).mul(this.ae1(h)).div(THOUSAND);
    const hyMW = p.shareHybrid.mul(homes).mul(this.hy1(h)).div(THOUSAND);
    const load = this.base(h).add(aeMW).add(hyMW).add(this.evMW(h)).add(p.industryAddMW);
    return gen.sub(load);
  }

  // ---- §9 LV layer

  private householdDemandTWh(): Q {
    const t = this.r.text.householdDemandTWh;
    return t !== '' ? Q.of(t) : this.homes().mul(Q.of(2600)).div(Q.of(1e9));
  }

  private hh(h: number, ref: boolean): Q {
    const shape = ref ? this.refHhShape : this.hhShape;
    return this.householdDemandTWh().mul(Q.of(1e9)).mul(shape.at(h)).div(shape.sum()).div(this.homes());
  }

  /** pv1[h] of the run (scenario's small roofs), or pvRef[h] (region data, reference profiles). */
  private pv(h: number, ref: boolean): Q {
    const twh = ref ? Q.of(this.r.text.solarSmallRoofTWh) : this.pq.solarSmallRoofTWh;
    if (twh.isZero()) return Q.ZERO;
    const cf = ref ? this.refSolarCF.at(h) : this.solarCF.at(h);
    return this.perFLH(twh, this.FLHs).mul(THOUSAND).mul(cf).div(this.homes());
  }

  /** The §9.2 default capacity as a + b·√u; the maxima are taken over the given candidate hours. */
  private defaultCap(hours: LvCandidateHours): Surd {
    const n = this.nat;
    const maxOf = (hs: number[], f: (h: number) => Q) => hs.map(f).reduce((a, b) => (b.gt(a) ? b : a));
    const maxHh = maxOf(hours.capHousehold, (h) => this.hh(h, true));
    const maxFeed = maxOf(hours.capFeedin, (h) => this.pv(h, true).sub(this.hh(h, true)));
    // z × σ / √n = z × √(σ² / n)
    const u = n.lvSigmaHomeKW.mul(n.lvSigmaHomeKW).div(n.lvHomesPerGroup);
    const best = surdMax({ a: maxHh, b: n.lvZ, u }, rational(maxFeed));
    const k = Q.ONE.div(Q.ONE.sub(n.lvSpareShare));
    return { a: best.a.mul(k), b: best.b.mul(k), u: best.u };
  }

  private cap(hours: LvCandidateHours): Surd {
    const given = this.p.lvCapacityKWPerHome;
    if (given !== null && given !== undefined) return rational(given);
    if (this.r.text.lvCapacityKWPerHome !== '') return rational(Q.of(this.r.text.lvCapacityKWPerHome));
    return this.defaultCap(hours);
  }

  /** The class shares (aAE, aHY) of §9.3, exactly: the transition class first. */
  private classShares(transition: boolean): { aAE: Q; aHY: Q } {
    const p = this.pq;
    const s = p.shareAllElectric.add(p.shareHybrid);
    if (!transition || s.isZero()) return { aAE: Q.ZERO, aHY: Q.ZERO };
    const f = s.add(Q.ONE.sub(p.wijkClustering).mul(Q.ONE.sub(s)));
    return { aAE: p.shareAllElectric.div(f), aHY: p.shareHybrid.div(f) };
  }

  private x(h: number, aAE: Q, aHY: Q): Q {
    let x = this.hh(h, false).sub(this.pv(h, false));
    if (!this.pq.evCount.isZero()) x = x.add(this.evMW(h).mul(THOUSAND).div(this.homes()));
    if (!aAE.isZero()) x = x.add(aAE.mul(this.ae1(h)));
    if (!aHY.isZero()) x = x.add(aHY.mul(this.hy1(h)));
    return x;
  }

  /** sign(p_k − cap) of §9.4 for the transition class or the other one, exactly. The maxima over
   *  the hours are taken over candidate hours: those whose float value is within rounding of the
   *  float maximum (the exact maximum is attained at one of them). */
  lvPeakVersusCap(transition: boolean, hours: LvCandidateHours): number {
    const n = this.nat;
    const { aAE, aHY } = this.classShares(transition);
    const maxOf = (hs: number[], f: (h: number) => Q) => hs.map(f).reduce((a, b) => (b.gt(a) ? b : a));
    const maxX = maxOf(hours.offtake, (h) => this.x(h, aAE, aHY));
    const maxNegX = maxOf(hours.feedin, (h) => this.x(h, aAE, aHY).neg());
    const sq = (x: Q) => x.mul(x);
    const e = this.pq.evCount.div(this.homes());
    const variance = sq(n.lvSigmaHomeKW)
      .add(aAE.mul(sq(n.lvSigmaAllElectricKW)))
      .add(aHY.mul(sq(n.lvSigmaHybridKW)))
      .add(e.mul(sq(n.lvSigmaEvKW)));
    const peak = surdMax({ a: maxX, b: n.lvZ, u: variance.div(n.lvHomesPerGroup) }, rational(maxNegX));
    return surdCmp(peak, this.cap(hours));
  }
}

/** Hours that may hold the maxima of §9.2 / §9.4 (within float rounding of the float maxima). */
export interface LvCandidateHours {
  offtake: number[]; // max_h x_k[h]
  feedin: number[]; // max_h −x_k[h]
  capHousehold: number[]; // max_h hhRef[h]
  capFeedin: number[]; // max_h (pvRef[h] − hhRef[h])
}

/** The hours whose value is within 1e-9 (relative to the largest magnitude) of the maximum. */
export function nearMaxHours(values: number[]): number[] {
  let max = -Infinity;
  let scale = 1;
  for (const v of values) {
    if (v > max) max = v;
    scale = Math.max(scale, Math.abs(v));
  }
  const hours: number[] = [];
  values.forEach((v, h) => {
    if (v >= max - 1e-9 * scale) hours.push(h);
  });
  return hours;
}

/** Σ resNominalTWh over the regions, exactly (the generator puts targetTWh on it). */
export function resNominalExact(ds: Dataset, scenario: Scenario): Q {
  let s = Q.ZERO;
  for (const r of ds.regions) {
    const p = resolveRegionalExact(r, scenario) as Record<string, Q>;
    s = s.add(p.solarRoofTWh).add(p.solarFieldTWh).add(p.windTWh);
  }
  return s;
}
