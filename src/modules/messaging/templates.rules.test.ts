// Placeholders: every misspelling is named at save time, and rendering is one pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messagingRulesMessages, templateProblemText } from './messaging.rules.messages.js';
import { checkTemplate, PLACEHOLDERS, placeholderToken, renderTemplate, usedPlaceholders } from './templates.rules.js';

const tokens = (text: string) => checkTemplate(text).map((p) => [p.token, p.kind, p.suggestion]);

test('the fourteen placeholders, each with a Spanish and an English description', () => {
  assert.deepEqual(
    PLACEHOLDERS.map((p) => p.name),
    [
      'PACIENTE',
      'FECHA',
      'HORA',
      'PROFESIONAL',
      'ESPECIALIDAD',
      'ESTUDIO',
      'INDICACION',
      'OBRA_SOCIAL',
      'CENTRO',
      'DIRECCION',
      'TELEFONO',
      'CONFIRMAR',
      'CANCELAR',
      'VIDEO',
    ],
  );
  for (const p of PLACEHOLDERS) assert.ok(p.es.length > 5 && p.en.length > 5, p.name);
  assert.equal(placeholderToken('OBRA_SOCIAL'), '[[OBRA_SOCIAL]]');
});

test('a template with only known placeholders has no problems', () => {
  const all = PLACEHOLDERS.map((p) => placeholderToken(p.name)).join(' ');
  assert.deepEqual(checkTemplate(all), []);
  assert.deepEqual(checkTemplate('Hola [[PACIENTE]], tu turno es el [[FECHA]] a las [[HORA]]. [nota]'), []);
  assert.deepEqual(checkTemplate(''), []);
});

test('unknown placeholders are named exactly as written, with the likely intended one', () => {
  assert.deepEqual(tokens('Hola [[PACIENT]], [[paciente]] y [[Obra Social]] [[FECHA DEL TURNO]] [[]]'), [
    ['[[PACIENT]]', 'unknown', '[[PACIENTE]]'],
    ['[[paciente]]', 'unknown', '[[PACIENTE]]'],
    ['[[Obra Social]]', 'unknown', '[[OBRA_SOCIAL]]'],
    ['[[FECHA DEL TURNO]]', 'unknown', undefined],
    ['[[]]', 'unknown', undefined],
  ]);
  assert.deepEqual(tokens('[[DIRECCIÓN]] [[TELÉFONO]] [[INDICACIÓN]]'), [
    ['[[DIRECCIÓN]]', 'unknown', '[[DIRECCION]]'],
    ['[[TELÉFONO]]', 'unknown', '[[TELEFONO]]'],
    ['[[INDICACIÓN]]', 'unknown', '[[INDICACION]]'],
  ]);
});

test('malformed placeholders are named: a bracket missing on either side, or single brackets', () => {
  assert.deepEqual(tokens('Hola [[PACIENTE] el [FECHA]] a las [HORA] con [[PROFESIONAL'), [
    ['[[PACIENTE]', 'malformed', '[[PACIENTE]]'],
    ['[FECHA]]', 'malformed', '[[FECHA]]'],
    ['[HORA]', 'malformed', '[[HORA]]'],
    ['[[PROFESIONAL', 'malformed', '[[PROFESIONAL]]'],
  ]);
  assert.deepEqual(tokens('ESPECIALIDAD]] y [[ ok'), [
    ['ESPECIALIDAD]]', 'malformed', '[[ESPECIALIDAD]]'],
    ['[[', 'malformed', undefined],
  ]);
  // A good token next to a broken one: only the broken one is reported.
  assert.deepEqual(tokens('[[PACIENTE]][[FECHA]'), [['[[FECHA]', 'malformed', '[[FECHA]]']]);
});

test('each problem is reported once, in order of first appearance', () => {
  const problems = checkTemplate('[[X]] [[Y]] [[X]]');
  assert.deepEqual(
    problems.map((p) => [p.token, p.index]),
    [
      ['[[X]]', 0],
      ['[[Y]]', 6],
    ],
  );
});

test('the problems read as sentences that name the token', () => {
  const [unknown, malformed] = checkTemplate('[[PACIENT]] [FECHA]]');
  assert.equal(
    templateProblemText(messagingRulesMessages('es'), unknown!),
    '[[PACIENT]] no es un dato que el sistema conozca: ¿quisiste poner [[PACIENTE]]?',
  );
  assert.match(
    templateProblemText(messagingRulesMessages('en'), malformed!),
    /^\[FECHA\]\] is badly written.*\[\[FECHA\]\]/,
  );
});

test('rendering replaces known placeholders, leaves a missing value empty and unknown tokens as written', () => {
  const text = 'Hola [[PACIENTE]]: [[FECHA]] [[HORA]] con [[PROFESIONAL]] ([[OBRA_SOCIAL]]) [[OTRO]]';
  assert.equal(
    renderTemplate(text, { PACIENTE: 'María', FECHA: 'jueves 26/11', HORA: '09:40', PROFESIONAL: 'JUÁREZ Leonel' }),
    'Hola María: jueves 26/11 09:40 con JUÁREZ Leonel () [[OTRO]]',
  );
  assert.deepEqual(usedPlaceholders(`${text} [[PACIENTE]]`), [
    'PACIENTE',
    'FECHA',
    'HORA',
    'PROFESIONAL',
    'OBRA_SOCIAL',
  ]);
});

test('a value is never expanded again: a name that reads like a placeholder stays text', () => {
  assert.equal(
    renderTemplate('[[PACIENTE]] [[CANCELAR]]', { PACIENTE: '[[CANCELAR]]', CANCELAR: 'https://x/c' }),
    '[[CANCELAR]] https://x/c',
  );
});
