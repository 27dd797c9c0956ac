/** The built-in feedback forms for young people aged 11 to 18 and for care leavers. */
import type { TemplateDefinition } from '../../templates/template-schemas.ts';
import { formSection, freeTextItem, POINT_WORDS, scaleItem, words } from './feedback-items.ts';

export const FORM_AGES_11_18_ID = 'feedback-ages-11-18';
export const FORM_CARE_LEAVERS_ID = 'feedback-care-leavers';

export const formAges11To18: TemplateDefinition = {
  templateId: FORM_AGES_11_18_ID,
  kind: 'feedback-form',
  name: 'Have your say (ages 11 to 18)',
  description: 'About feeling safe, your worker, your plan and how to complain, with space to say what is good and what could be better. It takes about five minutes.',
  translations: {
    cy: {
      name: 'Dweud dy ddweud (11 i 18 oed)',
      description: 'Am deimlo’n ddiogel, dy weithiwr, dy gynllun a sut i gwyno, gyda lle i ddweud beth sy’n dda a beth allai fod yn well. Mae’n cymryd tua phum munud.',
    },
  },
  sections: [
    formSection('feeling-safe', words('Feeling safe', 'Teimlo’n ddiogel'), [
      scaleItem({
        id: 'feelSafe',
        label: words('I feel safe', 'Rwy’n teimlo’n ddiogel'),
        hint: words('Where you live, at school or college, and when you are out and about.', 'Lle rwyt ti’n byw, yn yr ysgol neu’r coleg, a phan rwyt ti allan.'),
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
      scaleItem({
        id: 'canReachWorker',
        label: words('I can get hold of my worker when I need to', 'Galla i gysylltu â fy ngweithiwr pan fydd angen'),
        points: POINT_WORDS.iCan,
        register: 'child',
      }),
    ]),
    formSection('my-plan', words('My plan', 'Fy nghynllun'), [
      scaleItem({ id: 'understandPlan', label: words('I understand my plan', 'Rwy’n deall fy nghynllun'), points: POINT_WORDS.iAmPartly, register: 'child' }),
      scaleItem({
        id: 'viewsInPlan',
        label: words('My views are part of my plan', 'Mae fy marn i yn rhan o fy nghynllun'),
        points: POINT_WORDS.theyArePartly,
        register: 'child',
      }),
      scaleItem({ id: 'knowHowToComplain', label: words('I know how to complain', 'Rwy’n gwybod sut i gwyno'), points: POINT_WORDS.iAmPartly, register: 'child' }),
    ]),
    formSection('tell-us-more', words('Tell us more', 'Dweud mwy wrthon ni'), [
      freeTextItem({
        id: 'whatIsGood',
        label: words('What is good?', 'Beth sy’n dda?'),
        hint: words('Anything about the help you get, big or small.', 'Unrhyw beth am yr help rwyt ti’n ei gael, mawr neu fach.'),
      }),
      freeTextItem({
        id: 'couldBeBetter',
        label: words('What could be better?', 'Beth allai fod yn well?'),
        hint: words('What would you change?', 'Beth fyddet ti’n ei newid?'),
      }),
    ]),
  ],
};

export const formCareLeavers: TemplateDefinition = {
  templateId: FORM_CARE_LEAVERS_ID,
  kind: 'feedback-form',
  name: 'Have your say (care leavers)',
  description: 'For young adults leaving care: feeling safe, your personal adviser, your pathway plan and the support you can get.',
  translations: {
    cy: {
      name: 'Dweud eich dweud (pobl ifanc sy’n gadael gofal)',
      description: 'I oedolion ifanc sy’n gadael gofal: teimlo’n ddiogel, eich cynghorydd personol, eich cynllun llwybr a’r cymorth y gallwch ei gael.',
    },
  },
  sections: [
    formSection('feeling-safe', words('Feeling safe', 'Teimlo’n ddiogel'), [scaleItem({ id: 'feelSafe', label: words('I feel safe where I live', 'Rwy’n teimlo’n ddiogel lle rwy’n byw'), points: POINT_WORDS.iAm, register: 'adult', feelsSafe: true })]),
    formSection('my-personal-adviser', words('My personal adviser', 'Fy nghynghorydd personol'), [
      scaleItem({
        id: 'workerListens',
        label: words('My personal adviser listens to me', 'Mae fy nghynghorydd personol yn gwrando arna i'),
        points: POINT_WORDS.theyAre,
        register: 'adult',
      }),
      scaleItem({
        id: 'workerDidWhatTheySaid',
        label: words('My personal adviser did what they said they would', 'Gwnaeth fy nghynghorydd personol beth ddywedodd y byddai’n ei wneud'),
        points: POINT_WORDS.theyDid,
        register: 'adult',
      }),
    ]),
    formSection('my-pathway-plan', words('My pathway plan', 'Fy nghynllun llwybr'), [
      scaleItem({ id: 'understandPlan', label: words('I understand my pathway plan', 'Rwy’n deall fy nghynllun llwybr'), points: POINT_WORDS.iAmPartly, register: 'adult' }),
      scaleItem({
        id: 'knowSupport',
        label: words('I know what support I can get, such as help with money, a home, or education and work', 'Rwy’n gwybod pa gymorth y galla i ei gael, fel help gydag arian, cartref, neu addysg a gwaith'),
        points: POINT_WORDS.iAmPartly,
        register: 'adult',
      }),
      scaleItem({ id: 'knowHowToComplain', label: words('I know how to complain', 'Rwy’n gwybod sut i gwyno'), points: POINT_WORDS.iAmPartly, register: 'adult' }),
    ]),
    formSection('tell-us-more', words('Tell us more', 'Dweud mwy wrthon ni'), [
      freeTextItem({ id: 'whatIsGood', label: words('What is good?', 'Beth sy’n dda?') }),
      freeTextItem({ id: 'couldBeBetter', label: words('What could be better?', 'Beth allai fod yn well?') }),
    ]),
  ],
};
