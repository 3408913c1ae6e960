// The demo center's catalogue, as the manual's screenshots show it: what a new user sees before loading their own.
import type { Sex } from '../platform/db/schema.js';

/** Who a service is meant for: the generator only books patients that fit (no men at the gynecologist). */
export interface PatientFit {
  sex?: Sex;
  minAge?: number;
  maxAge?: number;
}

export const demoCenter = {
  name: 'CENTRO MEDICO DEMO',
  welcomePhrase:
    'Bienvenido al portal de Turnos de CENTRO MEDICO DEMO. Para Laboratorio y Rayos presentarse sin turno.',
  webAddress: 'http://localhost:3000',
  contactEmail: 'info@centromedicodemo.com.ar',
  phones: '4444-4444',
  address: 'Av. Corrientes 1234, Ciudad de Buenos Aires',
  contactHours: 'Lunes a Viernes de 10 a 18hs.',
  mailPhrase: 'Recuerde concurrir con su carnet de Obra Social y su DNI',
} as const;

/** What staff bookings are labelled with; web bookings use the center's web user and type ("WEB"). */
export const staffTypeLabel = 'CONSULTORIO';
export const staffUser = 'recepcion';

export interface DemoSpecialty {
  name: string;
  webName: string;
}

export const demoSpecialties: readonly DemoSpecialty[] = [
  { name: 'CARDIOLOGIA', webName: 'Cardiología' },
  { name: 'DERMATOLOGIA', webName: 'Dermatología' },
  { name: 'GINECOLOGIA', webName: 'Ginecología' },
  { name: 'CLINICA MEDICA', webName: 'Clínica médica' },
  { name: 'PEDIATRIA', webName: 'Pediatría' },
  { name: 'TRAUMATOLOGIA', webName: 'Traumatología' },
  { name: 'DIAGNOSTICO POR IMAGENES', webName: 'Diagnóstico por imágenes' },
  { name: 'OFTALMOLOGIA', webName: 'Oftalmología' },
];

export interface DemoStudy {
  name: string;
  indication: string;
  fit?: PatientFit;
}

export const demoStudies: readonly DemoStudy[] = [
  { name: 'Consulta médica', indication: '' },
  { name: 'Ecografía abdominal', indication: 'Presentarse con 6 horas de ayuno y vejiga llena.' },
  { name: 'Ecografía de tiroides', indication: 'No requiere preparación. Traer estudios de laboratorio recientes.' },
  {
    name: 'Ecografía ginecológica',
    indication: 'Concurrir con vejiga llena: tomar 1 litro de agua una hora antes y no orinar.',
    fit: { sex: 'F', minAge: 15 },
  },
  {
    name: 'Ergometría',
    indication: 'Concurrir con ropa cómoda y zapatillas. No suspender la medicación sin indicación médica.',
    fit: { minAge: 15 },
  },
  { name: 'Electrocardiograma', indication: 'No requiere preparación.' },
  {
    name: 'Ecocardiograma Doppler',
    indication: 'Traer electrocardiograma y ecocardiogramas anteriores si los tuviera.',
  },
  {
    name: 'Holter de 24 horas',
    indication:
      'Concurrir bañado y con ropa holgada. Al día siguiente debe volver a la misma hora a retirar el equipo.',
    fit: { minAge: 15 },
  },
  {
    name: 'Mamografía',
    indication:
      'No usar desodorante, talco ni cremas en axilas y mamas el día del estudio. Traer mamografías anteriores.',
    fit: { sex: 'F', minAge: 35 },
  },
  {
    name: 'Papanicolaou y colposcopía',
    indication: 'No tener relaciones ni usar óvulos o cremas vaginales 48 horas antes. No concurrir menstruando.',
    fit: { sex: 'F', minAge: 18 },
  },
  {
    name: 'Dermatoscopía digital',
    indication: 'No aplicar cremas, maquillaje ni autobronceante en la zona a estudiar.',
  },
  {
    name: 'Fondo de ojo',
    indication: 'Concurrir acompañado: se dilatan las pupilas y no podrá conducir por unas horas.',
  },
];

export interface DemoInsurer {
  name: string;
  webName: string;
  webEnabled: number;
  selfPay: number;
  generalMessage: string;
  bookingMessage: string;
  /** '#' becomes a random digit; empty for patients paying themselves. */
  memberNumberPattern: string;
  /** Relative share of the demo patients (over 65s lean to PAMI on their own). */
  share: number;
}

export const selfPayInsurerName = 'PARTICULAR';
export const retireesInsurerName = 'PAMI';

export const demoInsurers: readonly DemoInsurer[] = [
  {
    name: 'IOMA',
    webName: 'IOMA',
    webEnabled: 1,
    selfPay: 0,
    generalMessage:
      'Consultas con orden de consulta. Las prácticas y estudios requieren autorización previa en su delegación.',
    bookingMessage: 'Recuerde traer la orden autorizada y el bono firmado.',
    memberNumberPattern: '##########/##',
    share: 24,
  },
  {
    name: 'OSDE',
    webName: 'OSDE',
    webEnabled: 1,
    selfPay: 0,
    generalMessage: 'Atendemos todos los planes. Los planes 210 y 310 abonan coseguro en recepción.',
    bookingMessage: 'Presente su credencial (plástica o digital) y su DNI.',
    memberNumberPattern: '6# ###### # ##',
    share: 15,
  },
  {
    name: 'PAMI',
    webName: 'PAMI',
    webEnabled: 1,
    selfPay: 0,
    generalMessage: 'Para especialistas se requiere la orden médica electrónica (OME) de su médico de cabecera.',
    bookingMessage: 'Traiga la orden electrónica, su credencial de PAMI y el DNI.',
    memberNumberPattern: '15########## ##',
    share: 8,
  },
  {
    name: 'SWISS MEDICAL',
    webName: 'Swiss Medical',
    webEnabled: 1,
    selfPay: 0,
    generalMessage: 'Planes SMG02 en adelante. Los estudios de alta complejidad requieren autorización previa.',
    bookingMessage: 'Presente su credencial y el DNI. El coseguro se abona según su plan.',
    memberNumberPattern: '80#### ######## #',
    share: 10,
  },
  {
    name: 'UOCRA',
    webName: 'UOCRA (OSPECON)',
    webEnabled: 1,
    selfPay: 0,
    generalMessage: 'Atención con bono de consulta. Los estudios requieren orden autorizada por la obra social.',
    bookingMessage: 'Recuerde traer el bono de consulta, el último recibo de sueldo y el DNI.',
    memberNumberPattern: '######-##',
    share: 7,
  },
  {
    name: 'GALENO',
    webName: 'Galeno',
    webEnabled: 1,
    selfPay: 0,
    generalMessage: 'Planes Azul, Plata, Oro y Plateado.',
    bookingMessage: 'Presente su credencial y el DNI. Los planes Azul abonan coseguro.',
    memberNumberPattern: '########/##',
    share: 8,
  },
  {
    name: 'MEDICUS',
    webName: 'Medicus',
    webEnabled: 1,
    selfPay: 0,
    generalMessage: 'Todos los planes, sin coseguro.',
    bookingMessage: 'Presente su credencial y el DNI.',
    memberNumberPattern: '#######-##',
    share: 5,
  },
  {
    name: 'OSECAC',
    webName: 'OSECAC',
    webEnabled: 1,
    selfPay: 0,
    generalMessage: 'Se atiende con bono de consulta. Consulte en recepción qué estudios están cubiertos.',
    bookingMessage: 'Recuerde traer la orden autorizada y el bono firmado.',
    memberNumberPattern: '##-########-#/##',
    share: 7,
  },
  {
    // Takes staff bookings only: the center still settles the agreement, so not offered on the web.
    name: 'UNION PERSONAL',
    webName: 'Unión Personal',
    webEnabled: 0,
    selfPay: 0,
    generalMessage: 'Por el momento los turnos de Unión Personal se otorgan solo por teléfono.',
    bookingMessage: 'Traiga la credencial y la orden de consulta.',
    memberNumberPattern: '#########/#',
    share: 4,
  },
  {
    name: selfPayInsurerName,
    webName: 'Particular (sin obra social)',
    webEnabled: 1,
    selfPay: 1,
    generalMessage: 'Consulte los aranceles vigentes en recepción. Aceptamos efectivo, débito, crédito y Mercado Pago.',
    bookingMessage: 'La consulta se abona en recepción antes de la atención.',
    memberNumberPattern: '',
    share: 12,
  },
];
