/**
 * The built-in feedback forms for children: ages 4 to 7 (three points shown as faces, an
 * adult may help, very few items) and ages 8 to 10 (one question per page).
 */
import type { TemplateDefinition } from '../../templates/template-schemas.ts';
import { formSection, freeTextItem, POINT_WORDS, scaleItem, words } from './feedback-items.ts';

export const FORM_AGES_4_7_ID = 'feedback-ages-4-7';
export const FORM_AGES_8_10_ID = 'feedback-ages-8-10';

export const formAges4To7: TemplateDefinition = {
  templateId: FORM_AGES_4_7_ID,
  kind: 'feedback-form',
  name: 'Have your say (ages 4 to 7)',
  description: 'Short questions shown with faces, then a chance to tell us more in your own words. A grown-up can read the questions out and write down what the child says.',
  translations: {
    cy: {
      name: 'Dweud dy ddweud (4 i 7 oed)',
      description: 'Cwestiynau byr gydag wynebau, yna cyfle i ddweud mwy wrthon ni yn dy eiriau dy hun. Gall oedolyn ddarllen y cwestiynau’n uchel ac ysgrifennu beth mae’r plentyn yn ei ddweud.',
    },
  },
  sections: [
    formSection('how-things-are', words('How things are', 'Sut mae pethau'), [
      scaleItem({
        id: 'feelSafe',
        label: words('I feel safe', 'Rwy’n teimlo’n ddiogel'),
        hint: words('Think about home and school.', 'Meddylia am gartref ac am yr ysgol.'),
        points: POINT_WORDS.iAm,
        register: 'child',
        feelsSafe: true,
      }),
      scaleItem({
        id: 'workerListens',
        label: words('My worker listens to me', 'Mae fy ngweithiwr yn gwrando arna i'),
        hint: words('Your worker is the person from children’s services who comes to see you.', 'Dy weithiwr yw’r person o’r gwasanaethau plant sy’n dod i dy weld di.'),
        points: POINT_WORDS.theyAre,
        register: 'child',
      }),
      scaleItem({
        id: 'workerHelps',
        label: words('My worker helps me', 'Mae fy ngweithiwr yn fy helpu i'),
        points: POINT_WORDS.theyAre,
        register: 'child',
      }),
    ]),
    formSection('tell-us-more', words('Tell us more', 'Dweud mwy wrthon ni'), [
      freeTextItem({
        id: 'whatIsGood',
        label: words('What is good?', 'Beth sy’n dda?'),
        hint: words('The grown-up helping you can write down what you say.', 'Gall yr oedolyn sy’n dy helpu ysgrifennu beth rwyt ti’n ei ddweud.'),
      }),
      freeTextItem({
        id: 'couldBeBetter',
        label: words('What could be better?', 'Beth allai fod yn well?'),
        hint: words('The grown-up helping you can write down what you say.', 'Gall yr oedolyn sy’n dy helpu ysgrifennu beth rwyt ti’n ei ddweud.'),
      }),
    ]),
  ],
};

export const formAges8To10: TemplateDefinition = {
  templateId: FORM_AGES_8_10_ID,
  kind: 'feedback-form',
  name: 'Have your say (ages 8 to 10)',
  description: 'Short questions, one at a time, about feeling safe, your worker and your plan, then a chance to tell us more in your own words.',
  translations: {
    cy: {
      name: 'Dweud dy ddweud (8 i 10 oed)',
      description: 'Cwestiynau byr, un ar y tro, am deimlo’n ddiogel, dy weithiwr a dy gynllun, yna cyfle i ddweud mwy wrthon ni yn dy eiriau dy hun.',
    },
  },
  sections: [
    formSection('how-things-are', words('How things are', 'Sut mae pethau'), [
      scaleItem({
        id: 'feelSafe',
        label: words('I feel safe', 'Rwy’n teimlo’n ddiogel'),
        hint: words('At home, at school and in the place where you live.', 'Gartref, yn yr ysgol ac yn y lle rwyt ti’n byw.'),
        points: POINT_WORDS.iAm,
        register: 'child',
        feelsSafe: true,
      }),
    ]),
    formSection('my-worker', words('My worker', 'Fy ngweithiwr'), [
      scaleItem({ id: 'workerListens', label: words('My worker listens to me', 'Mae fy ngweithiwr yn gwrando arna i'), points: POINT_WORDS.theyAre, register: 'child' }),
      scaleItem({
        id: 'workerDidWhatTheySaid',
        label: words('My worker did what they said they would', 'Gwnaeth fy ngweithiwr beth ddywedodd y byddai’n ei wneud'),
        points: POINT_WORDS.theyDid,
        register: 'child',
      }),
    ]),
    formSection('my-plan', words('My plan', 'Fy nghynllun'), [
      scaleItem({
        id: 'understandPlan',
        label: words('I understand my plan', 'Rwy’n deall fy nghynllun'),
        hint: words('Your plan says what will happen and who will help.', 'Mae dy gynllun yn dweud beth fydd yn digwydd a phwy fydd yn helpu.'),
        points: POINT_WORDS.iAmPartly,
        register: 'child',
      }),
      scaleItem({
        id: 'knowHowToComplain',
        label: words('I know how to complain if I am unhappy', 'Rwy’n gwybod sut i gwyno os ydw i’n anhapus'),
        points: POINT_WORDS.iAmPartly,
        register: 'child',
      }),
    ]),
    formSection('tell-us-more', words('Tell us more', 'Dweud mwy wrthon ni'), [
      freeTextItem({ id: 'whatIsGood', label: words('What is good?', 'Beth sy’n dda?') }),
      freeTextItem({ id: 'couldBeBetter', label: words('What could be better?', 'Beth allai fod yn well?') }),
    ]),
  ],
};
