// Lists filtered by civil dates ("desde", "hasta", both days included) read instants stored in UTC: the
// range becomes [the first instant of `from`, the first instant of the day after `to`) in the center's zone.
// One spelling for every such list, so none of them drops the last evening or the day clocks jump.
import { addDays, isoUtc, startOfDayUtc } from './zone.js';

/** UTC ISO instants: `from` included, `before` excluded; an end not given stays open (undefined). */
export interface UtcBounds {
  from: string | undefined;
  before: string | undefined;
}

export function dayRangeUtc(zone: string, from: string | undefined, to: string | undefined): UtcBounds {
  return {
    from: from === undefined ? undefined : isoUtc(startOfDayUtc(zone, from)),
    before: to === undefined ? undefined : isoUtc(startOfDayUtc(zone, addDays(to, 1))),
  };
}
