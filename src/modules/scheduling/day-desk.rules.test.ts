// The desk's merge of slots and turnos: every turno appears exactly once, in time order, in its place.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type DeskTurno, mergeDay } from './day-desk.rules.js';
import type { Slot } from './slots.rules.js';

const MIN = 60_000;
const at = (minutes: number) => minutes * MIN;
const slot = (start: number, free: boolean, length = 20): Slot => ({
  startMs: at(start),
  endMs: at(start + length),
  free,
  date: '2026-11-23',
});
const turno = (id: number, start: number, extra: Partial<DeskTurno> = {}): DeskTurno => ({
  id,
  startMs: at(start),
  endMs: at(start + 20),
  status: 'reserved',
  overbook: false,
  ...extra,
});

describe('mergeDay', () => {
  test('free and taken slots, a sobreturno after its slot, a turno off the agenda, cancelled apart', () => {
    const slots = [slot(480, false), slot(500, true), slot(520, false), slot(540, true)];
    const day = mergeDay(
      slots,
      [
        turno(4, 600), // 10:00: the agenda ends at 09:20 now
        turno(3, 490, { overbook: true }), // squeezed into 08:00–08:20
        turno(1, 480, { status: 'present' }),
        turno(2, 520, { status: 'absent' }),
        turno(5, 500, { status: 'cancelled' }),
      ],
      at(510),
    );
    assert.deepEqual(
      day.rows.map((r) => [r.kind, r.startMs / MIN, r.turno?.id ?? null, r.past]),
      [
        ['taken', 480, 1, true],
        ['overbook', 490, 3, true],
        ['free', 500, null, true],
        ['taken', 520, 2, false],
        ['free', 540, null, false],
        ['outside', 600, 4, false],
      ],
    );
    assert.deepEqual(
      day.cancelled.map((t) => t.id),
      [5],
    );
    assert.deepEqual(day.counts, {
      slots: 4,
      free: 2,
      taken: 2,
      overbooks: 1,
      outside: 1,
      reserved: 2,
      present: 1,
      absent: 1,
      cancelled: 1,
    });
  });

  test('a sobreturno on the very start of a taken slot is listed after the turno that holds it', () => {
    const day = mergeDay([slot(480, false)], [turno(9, 480, { overbook: true }), turno(8, 480)], 0);
    assert.deepEqual(
      day.rows.map((r) => [r.kind, r.turno?.id]),
      [
        ['taken', 8],
        ['overbook', 9],
      ],
    );
  });

  test('a slot held by a longer turno that starts in the previous slot is taken without a turno of its own', () => {
    const long = { ...turno(7, 480), endMs: at(520) };
    const day = mergeDay([slot(480, false), slot(500, false)], [long], 0);
    assert.deepEqual(
      day.rows.map((r) => [r.kind, r.turno?.id ?? null]),
      [
        ['taken', 7],
        ['taken', null],
      ],
    );
    assert.equal(day.counts.taken, 2);
  });
});
