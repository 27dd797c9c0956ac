/** The built-in feedback form for parents and carers. */
import type { TemplateDefinition } from '../../templates/template-schemas.ts';
import { formSection, freeTextItem, POINT_WORDS, scaleItem, words } from './feedback-items.ts';

export const FORM_PARENTS_CARERS_ID = 'feedback-parents-carers';

export const formParentsCarers: TemplateDefinition = {
  templateId: FORM_PARENTS_CARERS_ID,
  kind: 'feedback-form',
  name: 'Have your say (parents and carers)',
  description: 'For parents and carers: feeling safe, your family’s worker, the plan and how to complain, with space to say what is good and what could be better.',
  translations: {
    cy: {
      name: 'Dweud eich dweud (rhieni a gofalwyr)',
      description: 'I rieni a gofalwyr: teimlo’n ddiogel, gweithiwr eich teulu, y cynllun a sut i gwyno, gyda lle i ddweud beth sy’n dda a beth allai fod yn well.',
    },
  },
  sections: [
    formSection('feeling-safe', words('Feeling safe', 'Teimlo’n ddiogel'), [
      scaleItem({
        id: 'feelSafe',
        label: words('I feel safe', 'Rwy’n teimlo’n ddiogel'),
        hint: words('At home and in your daily life.', 'Gartref ac yn eich bywyd bob dydd.'),
        points: POINT_WORDS.iAm,
        register: 'adult',
        feelsSafe: true,
      }),
    ]),
    formSection('our-worker', words('Our worker', 'Ein gweithiwr'), [
      scaleItem({ id: 'workerListens', label: words('Our worker listens to us', 'Mae ein gweithiwr yn gwrando arnon ni'), points: POINT_WORDS.theyAre, register: 'adult' }),
      scaleItem({
        id: 'workerDidWhatTheySaid',
        label: words('Our worker did what they said they would', 'Gwnaeth ein gweithiwr beth ddywedodd y byddai’n ei wneud'),
        points: POINT_WORDS.theyDid,
        register: 'adult',
      }),
    ]),
    formSection('the-plan', words('The plan', 'Y cynllun'), [
      scaleItem({ id: 'understandPlan', label: words('I understand our family’s plan', 'Rwy’n deall cynllun ein teulu'), points: POINT_WORDS.iAmPartly, register: 'adult' }),
      scaleItem({ id: 'partOfPlan', label: words('I was part of making the plan', 'Roeddwn i’n rhan o wneud y cynllun'), points: POINT_WORDS.iWas, register: 'adult' }),
      scaleItem({ id: 'knowHowToComplain', label: words('I know how to complain', 'Rwy’n gwybod sut i gwyno'), points: POINT_WORDS.iAmPartly, register: 'adult' }),
    ]),
    formSection('tell-us-more', words('Tell us more', 'Dweud mwy wrthon ni'), [
      freeTextItem({ id: 'whatIsGood', label: words('What is good about the help you get?', 'Beth sy’n dda am yr help rydych chi’n ei gael?') }),
      freeTextItem({
        id: 'couldBeBetter',
        label: words('What could be better?', 'Beth allai fod yn well?'),
        hint: words('What would you change?', 'Beth fyddech chi’n ei newid?'),
      }),
    ]),
  ],
};
