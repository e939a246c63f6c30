import { uuidv7 } from 'uuidv7';
import { pad } from './random';
import type { LocationPlan, WarehousePlan } from './plan';

/** One site of the demo tenant and the shape of its floor. */
export interface SiteSpec {
  code: string;
  name: string;
  kind: 'warehouse' | 'store';
  /** Bin zones, walked in this order. Keep `aislesPerZone` even so the serpentine ends where the next zone starts. */
  zones: readonly string[];
  aislesPerZone: number;
  baysPerAisle: number;
  levels: number;
  /** Base units a bin holds, by level (1 = floor). */
  binCapacity: (level: number) => number;
  docks: number;
  staging: number;
  pack: number;
  ship: number;
}

export const DEMO_SITES: readonly SiteSpec[] = [
  {
    code: 'WH1',
    name: 'Central DC',
    kind: 'warehouse',
    zones: ['A', 'B', 'C', 'D', 'E', 'F'],
    aislesPerZone: 4,
    baysPerAisle: 25,
    levels: 5,
    binCapacity: (level) => (level === 1 ? 2000 : 1000),
    docks: 6,
    staging: 3,
    pack: 4,
    ship: 2,
  },
  {
    code: 'WH2',
    name: 'East DC',
    kind: 'warehouse',
    zones: ['A', 'B', 'C', 'D'],
    aislesPerZone: 4,
    baysPerAisle: 25,
    levels: 5,
    binCapacity: (level) => (level === 1 ? 2000 : 1000),
    docks: 4,
    staging: 2,
    pack: 2,
    ship: 1,
  },
  {
    code: 'ST1',
    name: 'Downtown Store',
    kind: 'store',
    zones: ['S'],
    aislesPerZone: 4,
    baysPerAisle: 10,
    levels: 5,
    binCapacity: () => 120,
    docks: 1,
    staging: 1,
    pack: 1,
    ship: 0,
  },
];

/** Distance between consecutive path_seq values, leaving room to slot new locations in. */
export const PATH_STEP = 10;

export interface SiteLayout {
  warehouse: WarehousePlan;
  locations: LocationPlan[];
  bins: LocationPlan[];
}

/**
 * Locations of one site in walking order: inbound docks, staging, returns and
 * quarantine (all by the doors), then the bins zone by zone in a serpentine
 * (odd aisles walked up the bays, even aisles back down, levels bottom to
 * top within a bay), then pack stations and the ship lanes.
 */
export function layoutSite(site: SiteSpec, binsScale: number): SiteLayout {
  const warehouseId = uuidv7();
  const locations: LocationPlan[] = [];
  const add = (code: string, kind: LocationPlan['kind'], zone: string, capacity: number | null): LocationPlan => {
    const loc: LocationPlan = {
      id: uuidv7(),
      warehouseId,
      code,
      barcode: `LOC-${site.code}-${code}`,
      kind,
      zone,
      pathSeq: (locations.length + 1) * PATH_STEP,
      capacity,
    };
    locations.push(loc);
    return loc;
  };
  const series = (prefix: string, count: number, kind: LocationPlan['kind'], zone: string): void => {
    for (let i = 1; i <= count; i++) add(`${prefix}-${pad(i, 2)}`, kind, zone, null);
  };

  series('DOCK', site.docks, 'dock', 'DOCK');
  series('STAGE', site.staging, 'staging', 'STAGE');
  series('RET', 1, 'returns', 'RETURNS');
  series('QUAR', 1, 'quarantine', 'QUARANTINE');

  const bays = Math.max(1, Math.round(site.baysPerAisle * binsScale));
  const bins: LocationPlan[] = [];
  for (const zone of site.zones) {
    for (let aisle = 1; aisle <= site.aislesPerZone; aisle++) {
      const up = aisle % 2 === 1;
      for (let step = 0; step < bays; step++) {
        const bay = up ? step + 1 : bays - step;
        for (let level = 1; level <= site.levels; level++) {
          const code = `${zone}-${pad(aisle, 2)}-${pad(bay, 2)}-${level}`;
          bins.push(add(code, 'bin', zone, site.binCapacity(level)));
        }
      }
    }
  }

  series('PACK', site.pack, 'pack', 'PACK');
  series('SHIP', site.ship, 'ship', 'SHIP');

  const dock = locations[0];
  if (!dock || dock.kind !== 'dock') throw new Error(`site ${site.code} needs at least one dock`);
  const warehouse: WarehousePlan = { id: warehouseId, code: site.code, name: site.name, kind: site.kind, dockLocationId: dock.id };
  return { warehouse, locations, bins };
}
