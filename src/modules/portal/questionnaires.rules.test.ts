import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  answerProblem,
  checkAnswers,
  normalizeAnswer,
  parseChoices,
  parseStoredAnswers,
  type QuestionSpec,
  questionDefinition,
  questionnaireDefinition,
  scaleSteps,
  storedAnswers,
  swapTarget,
} from './questionnaires.rules.js';

const question = (over: Partial<QuestionSpec>): QuestionSpec => ({
  questionId: 1,
  kind: 'text',
  label: 'Pregunta',
  help: '',
  required: false,
  choices: [],
  scaleMin: null,
  scaleMax: null,
  ...over,
});

const text = question({ questionId: 1, kind: 'text', required: true });
const choice = question({ questionId: 2, kind: 'choice', choices: ['Nunca', 'A veces', 'Siempre'] });
const yesNo = question({ questionId: 3, kind: 'yes_no', required: true });
const date = question({ questionId: 4, kind: 'date' });
const scale = question({ questionId: 5, kind: 'scale', scaleMin: 0, scaleMax: 10 });

describe('answers', () => {
  test('a required question left empty is refused only when sending', () => {
    assert.deepEqual(answerProblem(text, '', true), { code: 'required' });
    assert.equal(answerProblem(text, '', false), null);
    assert.equal(answerProblem(choice, '', true), null, 'optional: empty is fine');
  });

  test('dates must be real dates; a typed day/month/year is taken', () => {
    assert.equal(normalizeAnswer(date, ' 23/11/2026 '), '2026-11-23');
    assert.equal(answerProblem(date, '2026-11-23', true), null);
    assert.deepEqual(answerProblem(date, normalizeAnswer(date, '31/02/2026'), true), { code: 'date' });
    assert.deepEqual(answerProblem(date, 'mañana', true), { code: 'date' });
    assert.equal(normalizeAnswer(date, 'mañana'), 'mañana', 'what was typed is kept to show it again');
  });

  test('a scale answer is a whole number within its range', () => {
    assert.equal(answerProblem(scale, '0', true), null);
    assert.equal(answerProblem(scale, '10', true), null);
    for (const bad of ['11', '-1', '7.5', 'siete']) {
      assert.deepEqual(
        answerProblem(scale, normalizeAnswer(scale, bad), true),
        { code: 'scale', min: 0, max: 10 },
        bad,
      );
    }
    assert.equal(normalizeAnswer(scale, '07'), '7');
  });

  test('a choice must be one of the options, exactly; yes/no is yes or no', () => {
    assert.equal(answerProblem(choice, 'A veces', true), null);
    assert.deepEqual(answerProblem(choice, 'Casi nunca', true), { code: 'choice' });
    assert.equal(answerProblem(yesNo, 'no', true), null);
    assert.deepEqual(answerProblem(yesNo, 'quizás', true), { code: 'yesNo' });
  });

  test('an answer too long is refused even in a draft', () => {
    assert.deepEqual(answerProblem(text, 'x'.repeat(5001), false), { code: 'tooLong', max: 5000 });
  });

  test('checkAnswers keeps each question as asked, drops answers to unknown questions, lists problems', () => {
    const typed = new Map([
      [1, '  Dolor de cabeza  '],
      [3, ''],
      [5, '12'],
      [99, 'de otra pregunta'],
    ]);
    const checked = checkAnswers([text, choice, yesNo, date, scale], typed, true);
    assert.deepEqual(
      checked.items.map((i) => [i.questionId, i.label, i.kind, i.value]),
      [
        [1, 'Pregunta', 'text', 'Dolor de cabeza'],
        [2, 'Pregunta', 'choice', ''],
        [3, 'Pregunta', 'yes_no', ''],
        [4, 'Pregunta', 'date', ''],
        [5, 'Pregunta', 'scale', '12'],
      ],
    );
    assert.deepEqual([...checked.problems.keys()], [3, 5]);
    assert.equal(checkAnswers([text, yesNo], new Map(), false).problems.size, 0, 'a draft may be empty');
  });

  test('stored answers read back; anything unreadable is no answers', () => {
    const items = checkAnswers([text], new Map([[1, 'hola']]), false).items;
    assert.deepEqual(parseStoredAnswers(storedAnswers(items)), items);
    assert.deepEqual(parseStoredAnswers('{}'), []);
    assert.deepEqual(parseStoredAnswers('no es json'), []);
  });
});

describe('definitions', () => {
  test('options are one a line, trimmed, without empty lines', () => {
    assert.deepEqual(parseChoices(' Nunca \r\n\r\nA  veces\nSiempre\n'), ['Nunca', 'A veces', 'Siempre']);
  });

  test('a questionnaire needs a title; attach is one specialty or one study', () => {
    const base = { title: ' Antes de la consulta ', intro: '', active: true, attach: '' };
    assert.deepEqual(questionnaireDefinition(base), {
      value: { title: 'Antes de la consulta', intro: '', active: true, specialtyId: null, studyId: null },
    });
    const study = questionnaireDefinition({ ...base, attach: 'study:4' });
    assert.ok('value' in study && study.value.studyId === 4 && study.value.specialtyId === null);
    assert.deepEqual(questionnaireDefinition({ ...base, title: ' ', attach: 'otra:1' }), {
      problems: { title: { code: 'missing' }, attach: { code: 'attach' } },
    });
  });

  test('a question needs a kind and a label; choices need two distinct options; a scale min below max', () => {
    const base = { kind: 'text', label: '¿Fuma?', help: '', required: true, choices: '', scaleMin: '', scaleMax: '' };
    assert.ok('value' in questionDefinition(base));
    assert.deepEqual(questionDefinition({ ...base, kind: 'otro', label: '' }), {
      problems: { kind: { code: 'kind' }, label: { code: 'missing' } },
    });
    assert.deepEqual(questionDefinition({ ...base, kind: 'choice', choices: 'Sólo una' }), {
      problems: { choices: { code: 'fewChoices' } },
    });
    assert.deepEqual(questionDefinition({ ...base, kind: 'choice', choices: 'Sí\nsí' }), {
      problems: { choices: { code: 'duplicateChoice', choice: 'sí' } },
    });
    assert.deepEqual(questionDefinition({ ...base, kind: 'scale', scaleMin: '10', scaleMax: '0' }), {
      problems: { scaleMax: { code: 'scaleOrder' } },
    });
    assert.deepEqual(questionDefinition({ ...base, kind: 'scale', scaleMin: 'cero', scaleMax: '10' }), {
      problems: { scaleMin: { code: 'wholeNumber', min: -1000, max: 1000 } },
    });
    const ok = questionDefinition({ ...base, kind: 'scale', scaleMin: '0', scaleMax: '10', choices: 'ignorada' });
    assert.ok('value' in ok && ok.value.scaleMin === 0 && ok.value.scaleMax === 10 && ok.value.choices.length === 0);
  });

  test('short scales are radio buttons, wide ones a number box', () => {
    assert.deepEqual(scaleSteps({ scaleMin: 0, scaleMax: 10 }), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(scaleSteps({ scaleMin: 0, scaleMax: 100 }), null);
  });

  test('moving a question swaps it with its neighbour; nothing beyond either end', () => {
    const rows = [{ id: 7 }, { id: 3 }, { id: 9 }];
    assert.equal(swapTarget(rows, 3, 'up')?.id, 7);
    assert.equal(swapTarget(rows, 3, 'down')?.id, 9);
    assert.equal(swapTarget(rows, 7, 'up'), null);
    assert.equal(swapTarget(rows, 9, 'down'), null);
  });
});
