// Invents the demo patients: plausible people, with DNIs that grow with the birth year as real ones do.
import { addDays } from '../platform/time/zone.js';
import { type DemoInsurer, demoInsurers, type PatientFit, retireesInsurerName } from './demo-data.js';
import { apartmentSuffixes, femaleFirstNames, lastNames, maleFirstNames, streets } from './demo-names.js';
import type { Random } from './prng.js';

const DAY = 86_400_000;

export interface DemoPatient {
  dni: string;
  lastName: string;
  firstName: string;
  sex: 'F' | 'M';
  birthDate: string;
  email: string | null;
  mobile: string | null;
  address: string;
  insurer: DemoInsurer;
  memberNumber: string;
  createdAtMs: number;
  /** The address their web bookings come from (one household, one IP). */
  homeIp: string;
}

/** Years completed on `date` by someone born on `birthDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function fits(fit: PatientFit, sex: string | null, age: number): boolean {
  if (fit.sex !== undefined && fit.sex !== sex) return false;
  if (fit.minAge !== undefined && age < fit.minAge) return false;
  return fit.maxAge === undefined || age <= fit.maxAge;
}

/** Age bands with their weights: enough children for the pediatricians, enough over 65s for PAMI. */
const ageBands: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 4], 6],
  [[5, 14], 13],
  [[15, 29], 17],
  [[30, 49], 25],
  [[50, 64], 20],
  [[65, 92], 19],
];

function plainAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Roughly where the DNI counter stood when someone born that year got theirs; never below 8 digits. */
function dniFor(random: Random, birthYear: number, taken: Set<string>): string {
  const base = Math.max(10_000_000 + random.int(0, 1_500_000), (birthYear - 1946) * 760_000 + random.int(0, 700_000));
  let dni = Math.min(base, 99_999_999);
  while (taken.has(String(dni))) dni += random.int(1, 97);
  taken.add(String(dni));
  return String(dni);
}

function mobileNumber(random: Random): string {
  // Buenos Aires (11) and La Plata (221), written the way they are stored: E.164 with the mobile 9.
  return random.chance(0.7)
    ? `+54911${random.int(2, 6)}${random.digits(7)}`
    : `+549221${random.int(4, 6)}${random.digits(6)}`;
}

function memberNumber(random: Random, pattern: string): string {
  return pattern.replace(/#/g, () => String(random.int(0, 9)));
}

function chooseInsurer(random: Random, age: number): DemoInsurer {
  const retirees = demoInsurers.find((i) => i.name === retireesInsurerName);
  if (age >= 65 && retirees && random.chance(0.7)) return retirees;
  return random.weighted(demoInsurers.map((i) => [i, i.share] as const));
}

export function generatePatients(random: Random, count: number, today: string, nowMs: number): DemoPatient[] {
  const dnis = new Set<string>();
  const emails = new Set<string>();
  const patients: DemoPatient[] = [];
  for (let i = 0; i < count; i++) {
    const sex = random.chance(0.55) ? 'F' : 'M';
    const firstName = random.pick(sex === 'F' ? femaleFirstNames : maleFirstNames);
    const lastName = random.pick(lastNames);
    const [minAge, maxAge] = random.weighted(ageBands);
    const age = random.int(minAge, maxAge);
    const birthDate = addDays(today, -(age * 365 + Math.floor(age / 4) + random.int(1, 364)));

    let email: string | null = null;
    if (random.chance(0.88)) {
      const local = `${plainAscii(firstName.split(' ')[0] as string)}.${plainAscii(lastName)}`;
      email = `${local}@example.com`;
      for (let n = 2; emails.has(email); n++) email = `${local}${n}@example.com`;
      emails.add(email);
    }

    const [street, city] = random.pick(streets);
    const insurer = chooseInsurer(random, age);
    patients.push({
      dni: dniFor(random, Number(birthDate.slice(0, 4)), dnis),
      lastName,
      firstName,
      sex,
      birthDate,
      email,
      mobile: random.chance(0.9) ? mobileNumber(random) : null,
      address: `${street} ${random.int(100, 4999)}${random.pick(apartmentSuffixes)}, ${city}`,
      insurer,
      memberNumber: memberNumber(random, insurer.memberNumberPattern),
      createdAtMs: nowMs - random.int(120, 1800) * DAY - random.int(0, 86_399) * 1000,
      homeIp: `190.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
    });
  }
  return patients;
}
