// The demo professionals and their weekly agendas. Blocks of one professional never overlap:
// the loader checks it, because an overlapping agenda would make the database refuse the appointments.
import type { PatientFit } from './demo-data.js';

export interface DemoBlock {
  /** ISO weekdays: 1 = Monday … 6 = Saturday. */
  weekdays: readonly number[];
  start: string;
  end: string;
  slotMinutes: number;
  /** Tied to one specialty or one study, or to neither (serves everything the professional does). */
  specialty?: string;
  study?: string;
}

export interface DemoProfessional {
  lastName: string;
  firstName: string;
  licenceNumber: string;
  webEnabled: number;
  specialties: readonly string[];
  studies: readonly string[];
  generalMessage: string;
  bookingMessage: string;
  maxDaysAhead: number;
  fit: PatientFit;
  agenda: readonly DemoBlock[];
}

const adults: PatientFit = { minAge: 15 };
const children: PatientFit = { maxAge: 14 };
const women: PatientFit = { sex: 'F', minAge: 15 };

export const demoProfessionals: readonly DemoProfessional[] = [
  {
    lastName: 'GONZALEZ',
    firstName: 'José Luis',
    licenceNumber: 'MN 112345',
    webEnabled: 1,
    specialties: ['CARDIOLOGIA'],
    studies: ['Consulta médica', 'Electrocardiograma', 'Ergometría'],
    generalMessage: 'Realiza también ergometrías los miércoles por la tarde. Atiende pacientes mayores de 15 años.',
    bookingMessage: 'Traiga sus estudios cardiológicos previos y el listado de la medicación que toma.',
    maxDaysAhead: 60,
    fit: adults,
    agenda: [
      { weekdays: [1, 3], start: '08:00', end: '12:00', slotMinutes: 20, specialty: 'CARDIOLOGIA' },
      { weekdays: [3], start: '14:00', end: '17:00', slotMinutes: 30, study: 'Ergometría' },
      { weekdays: [5], start: '08:00', end: '10:00', slotMinutes: 15, study: 'Electrocardiograma' },
    ],
  },
  {
    lastName: 'FERNANDEZ',
    firstName: 'María Laura',
    licenceNumber: 'MP 45678',
    webEnabled: 1,
    specialties: ['CARDIOLOGIA'],
    studies: ['Consulta médica', 'Ecocardiograma Doppler', 'Holter de 24 horas'],
    generalMessage: '',
    bookingMessage: 'Si viene por un Holter, recuerde que al día siguiente debe volver a retirar el equipo.',
    maxDaysAhead: 45,
    fit: adults,
    agenda: [
      { weekdays: [2, 4], start: '14:00', end: '18:00', slotMinutes: 15, specialty: 'CARDIOLOGIA' },
      { weekdays: [5], start: '09:00', end: '12:00', slotMinutes: 30, study: 'Ecocardiograma Doppler' },
      { weekdays: [5], start: '12:00', end: '13:00', slotMinutes: 20, study: 'Holter de 24 horas' },
    ],
  },
  {
    lastName: 'RODRIGUEZ',
    firstName: 'Pablo Martín',
    licenceNumber: 'MN 98765',
    webEnabled: 1,
    specialties: ['DERMATOLOGIA'],
    studies: ['Consulta médica', 'Dermatoscopía digital'],
    generalMessage: 'Atiende pacientes mayores de 15 años.',
    bookingMessage: 'Si tiene lesiones para controlar, no se maquille ni aplique cremas ese día.',
    maxDaysAhead: 30,
    fit: adults,
    agenda: [
      { weekdays: [1, 4], start: '09:00', end: '13:00', slotMinutes: 15, specialty: 'DERMATOLOGIA' },
      { weekdays: [2], start: '15:00', end: '18:00', slotMinutes: 20, study: 'Dermatoscopía digital' },
    ],
  },
  {
    lastName: 'LOPEZ',
    firstName: 'Carolina Andrea',
    licenceNumber: 'MP 52310',
    webEnabled: 1,
    specialties: ['DERMATOLOGIA'],
    studies: ['Consulta médica'],
    generalMessage: 'Atiende también dermatología infantil.',
    bookingMessage: '',
    maxDaysAhead: 45,
    fit: {},
    agenda: [{ weekdays: [3, 5], start: '14:00', end: '18:00', slotMinutes: 15, specialty: 'DERMATOLOGIA' }],
  },
  {
    lastName: 'MARTINEZ',
    firstName: 'Silvia Beatriz',
    licenceNumber: 'MN 87452',
    webEnabled: 1,
    specialties: ['GINECOLOGIA'],
    studies: ['Consulta médica', 'Papanicolaou y colposcopía'],
    generalMessage: 'Los martes por la mañana realiza Papanicolaou y colposcopía.',
    bookingMessage: 'Traiga sus estudios anteriores (PAP, mamografía, ecografías).',
    maxDaysAhead: 60,
    fit: women,
    agenda: [
      { weekdays: [1, 3, 5], start: '08:00', end: '12:00', slotMinutes: 20, specialty: 'GINECOLOGIA' },
      { weekdays: [2], start: '08:00', end: '11:00', slotMinutes: 30, study: 'Papanicolaou y colposcopía' },
    ],
  },
  {
    lastName: 'SOSA',
    firstName: 'Valeria Inés',
    licenceNumber: 'MP 61207',
    webEnabled: 1,
    specialties: ['GINECOLOGIA'],
    studies: ['Consulta médica', 'Ecografía ginecológica'],
    generalMessage: '',
    bookingMessage: 'Para la ecografía ginecológica concurra con la vejiga llena.',
    maxDaysAhead: 45,
    fit: women,
    agenda: [
      { weekdays: [2, 4], start: '14:00', end: '18:00', slotMinutes: 20, specialty: 'GINECOLOGIA' },
      { weekdays: [1], start: '14:00', end: '18:00', slotMinutes: 30, study: 'Ecografía ginecológica' },
    ],
  },
  {
    lastName: 'GOMEZ',
    firstName: 'Ricardo Alberto',
    licenceNumber: 'MN 73219',
    webEnabled: 1,
    specialties: ['CLINICA MEDICA'],
    studies: ['Consulta médica', 'Electrocardiograma'],
    generalMessage: 'Atiende pacientes mayores de 15 años. Realiza aptos físicos con electrocardiograma.',
    bookingMessage: 'Traiga los análisis de laboratorio recientes si los tuviera.',
    maxDaysAhead: 30,
    fit: adults,
    agenda: [{ weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '12:00', slotMinutes: 15, specialty: 'CLINICA MEDICA' }],
  },
  {
    lastName: 'DIAZ',
    firstName: 'Natalia Soledad',
    licenceNumber: 'MP 48821',
    webEnabled: 1,
    specialties: ['CLINICA MEDICA'],
    studies: ['Consulta médica'],
    generalMessage: '',
    bookingMessage: '',
    maxDaysAhead: 45,
    fit: adults,
    agenda: [{ weekdays: [1, 3, 5], start: '14:00', end: '19:00', slotMinutes: 20, specialty: 'CLINICA MEDICA' }],
  },
  {
    lastName: 'ALVAREZ',
    firstName: 'Marcelo Daniel',
    licenceNumber: 'MN 90133',
    webEnabled: 1,
    specialties: ['PEDIATRIA'],
    studies: ['Consulta médica'],
    generalMessage: 'Atiende niños desde recién nacidos hasta los 14 años.',
    bookingMessage: 'Traiga la libreta sanitaria y el carnet de vacunas del niño.',
    maxDaysAhead: 30,
    fit: children,
    agenda: [{ weekdays: [1, 2, 4], start: '09:00', end: '13:00', slotMinutes: 20, specialty: 'PEDIATRIA' }],
  },
  {
    lastName: 'ROMERO',
    firstName: 'Lucía Belén',
    licenceNumber: 'MP 55402',
    webEnabled: 1,
    specialties: ['PEDIATRIA'],
    studies: ['Consulta médica'],
    generalMessage: 'Atiende niños hasta los 14 años.',
    bookingMessage: 'Traiga la libreta sanitaria y el carnet de vacunas del niño.',
    maxDaysAhead: 45,
    fit: children,
    agenda: [{ weekdays: [3, 5], start: '15:00', end: '19:00', slotMinutes: 20, specialty: 'PEDIATRIA' }],
  },
  {
    lastName: 'BENITEZ',
    firstName: 'Hernán Gustavo',
    licenceNumber: 'MN 66718',
    webEnabled: 1,
    specialties: ['TRAUMATOLOGIA'],
    studies: ['Consulta médica'],
    generalMessage: '',
    bookingMessage: 'Traiga las radiografías y estudios previos de la lesión.',
    maxDaysAhead: 60,
    fit: adults,
    agenda: [{ weekdays: [2, 4], start: '08:00', end: '12:00', slotMinutes: 15, specialty: 'TRAUMATOLOGIA' }],
  },
  {
    lastName: 'ACOSTA',
    firstName: 'Diego Sebastián',
    licenceNumber: 'MP 70255',
    webEnabled: 1,
    specialties: ['TRAUMATOLOGIA'],
    studies: ['Consulta médica'],
    generalMessage: 'Atiende también traumatología infantil a partir de los 6 años.',
    bookingMessage: 'Traiga las radiografías y estudios previos de la lesión.',
    maxDaysAhead: 30,
    fit: { minAge: 6 },
    agenda: [{ weekdays: [1, 3], start: '15:00', end: '19:00', slotMinutes: 20, specialty: 'TRAUMATOLOGIA' }],
  },
  {
    lastName: 'PEREYRA',
    firstName: 'Claudia Marcela',
    licenceNumber: 'MN 81590',
    webEnabled: 1,
    specialties: ['DIAGNOSTICO POR IMAGENES'],
    studies: ['Ecografía abdominal', 'Ecografía de tiroides', 'Mamografía'],
    generalMessage: 'Realiza únicamente ecografía abdominal, ecografía de tiroides y mamografía.',
    bookingMessage: 'Traiga la orden médica y los estudios anteriores.',
    maxDaysAhead: 30,
    fit: adults,
    agenda: [
      { weekdays: [1, 3], start: '08:00', end: '12:00', slotMinutes: 30, study: 'Ecografía abdominal' },
      { weekdays: [1, 3], start: '12:00', end: '13:00', slotMinutes: 20, study: 'Ecografía de tiroides' },
      { weekdays: [2, 4], start: '08:00', end: '12:00', slotMinutes: 20, study: 'Mamografía' },
    ],
  },
  {
    lastName: 'MOLINA',
    firstName: 'Gustavo Adrián',
    licenceNumber: 'MP 39804',
    webEnabled: 1,
    specialties: ['DIAGNOSTICO POR IMAGENES'],
    studies: ['Ecografía abdominal', 'Ecografía de tiroides'],
    generalMessage: '',
    bookingMessage: 'Traiga la orden médica y los estudios anteriores.',
    maxDaysAhead: 45,
    fit: {},
    agenda: [
      // Untied block: any study he performs; appointments there take his specialty.
      { weekdays: [2, 4], start: '14:00', end: '18:00', slotMinutes: 30 },
      { weekdays: [6], start: '08:00', end: '12:00', slotMinutes: 30, study: 'Ecografía abdominal' },
    ],
  },
  {
    lastName: 'CASTRO',
    firstName: 'Andrea Verónica',
    licenceNumber: 'MN 104227',
    webEnabled: 1,
    specialties: ['OFTALMOLOGIA'],
    studies: ['Consulta médica', 'Fondo de ojo'],
    generalMessage: '',
    bookingMessage: 'Si usa anteojos o lentes de contacto, tráigalos a la consulta.',
    maxDaysAhead: 60,
    fit: {},
    agenda: [
      { weekdays: [2, 4], start: '09:00', end: '13:00', slotMinutes: 15, specialty: 'OFTALMOLOGIA' },
      { weekdays: [5], start: '14:00', end: '17:00', slotMinutes: 30, study: 'Fondo de ojo' },
    ],
  },
  {
    // Not offered on the web: shows the staff-only path of the product.
    lastName: 'SUAREZ',
    firstName: 'Jorge Omar',
    licenceNumber: 'MP 27116',
    webEnabled: 0,
    specialties: ['CLINICA MEDICA', 'CARDIOLOGIA'],
    studies: ['Consulta médica', 'Electrocardiograma'],
    generalMessage: 'Turnos solo por teléfono o en recepción.',
    bookingMessage: '',
    maxDaysAhead: 30,
    fit: adults,
    agenda: [{ weekdays: [6], start: '09:00', end: '12:00', slotMinutes: 20 }],
  },
];
