/**
 * Projects the RES-region boundaries (WGS84) to SVG path strings. An equirectangular projection
 * with x scaled by cos(52°) is accurate enough at the size of the Netherlands and needs no map
 * library or tile server.
 */
import type { GeoJSON } from './api.ts';

export interface ProjectedRegion {
  id: string;
  name: string;
  d: string;
  cx: number;
  cy: number;
}
export interface ProjectedMap {
  width: number;
  height: number;
  regions: ProjectedRegion[];
}

const COS52 = Math.cos((52 * Math.PI) / 180);
const cache = new WeakMap<GeoJSON, ProjectedMap>();

/** Projects once per GeoJSON object (the paths do not change while the KPI colour does). */
export function projectMap(geo: GeoJSON, width = 560): ProjectedMap {
  const hit = cache.get(geo);
  if (hit) return hit;
  const polys = geo.features.map((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (const mp of polys)
    for (const poly of mp)
      for (const ring of poly)
        for (const [lon, lat] of ring) {
          const x = lon * COS52,
            y = -lat;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
  const k = width / (maxX - minX);
  const height = (maxY - minY) * k;
  const px = (lon: number) => (lon * COS52 - minX) * k;
  const py = (lat: number) => (-lat - minY) * k;
  const regions = geo.features.map((f, i) => {
    let d = '';
    // Label position: centre of the bounding box of the largest ring (good enough for a tooltip anchor).
    let best: number[][] = [],
      bestLen = 0;
    for (const poly of polys[i])
      for (const ring of poly) {
        d += `${ring.map(([lon, lat], j) => `${j ? 'L' : 'M'}${px(lon).toFixed(1)},${py(lat).toFixed(1)}`).join('')}Z`;
        if (ring.length > bestLen) {
          best = ring;
          bestLen = ring.length;
        }
      }
    const xs = best.map((p) => px(p[0])),
      ys = best.map((p) => py(p[1]));
    return {
      id: f.properties.res_code,
      name: f.properties.res_name,
      d,
      cx: (Math.min(...xs) + Math.max(...xs)) / 2,
      cy: (Math.min(...ys) + Math.max(...ys)) / 2,
    };
  });
  const out = { width, height, regions };
  cache.set(geo, out);
  return out;
}

/** Sequential colour ramps, light to dark (ColorBrewer YlOrRd and Greens, 7 classes). */
const RAMPS = {
  bad: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  good: ['#edf8e9', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d', '#238b45', '#005a32'],
};

/** Colour of `t` in [0, 1] on the ramp for a KPI where higher is worse (`bad`) or better. */
export function rampColour(t: number, kind: 'bad' | 'good'): string {
  const ramp = RAMPS[kind];
  const i = Math.max(0, Math.min(ramp.length - 1, Math.floor(t * ramp.length)));
  return ramp[i];
}
export const rampColours = (kind: 'bad' | 'good') => RAMPS[kind];
