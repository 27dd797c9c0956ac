/**
 * Welsh for children and young people: the words that address the reader as "ti", as the
 * children's forms do, replacing the "chi" of the main Welsh catalogue inside their forms.
 */
import type { MessageKey } from './en.ts';

export const cyChild: Partial<Record<MessageKey, string>> = {
  'meta.product': 'Dweud dy ddweud',
  'footer.help': 'Os wyt ti mewn perygl nawr, ffonia 999. Galli di siarad â Childline am ddim ar 0800 1111, unrhyw bryd.',
  'footer.privacy': 'Sut rydyn ni’n gofalu am dy atebion',

  'intro.welcomeBack': 'Croeso’n ôl. Mae dy atebion hyd yma wedi’u cadw.',
  'intro.adultMayHelp': 'Gall oedolyn ddarllen y cwestiynau’n uchel a dy helpu di i ateb.',
  'intro.skip': 'Galli di neidio dros unrhyw gwestiwn. Galli di bob amser ddewis “Dwi ddim yn gwybod” neu “Byddai’n well gen i beidio â dweud”.',
  'intro.saved': 'Mae dy atebion yn cael eu cadw wrth i ti fynd ymlaen. Does dim yn cael ei anfon nes i ti ddewis ei anfon.',
  'intro.anonymous': 'Does dim angen i ti roi dy enw.',

  'question.textHint': 'Galli di ysgrifennu cymaint neu cyn lleied ag y mynni di, hyd at {max} nod.',
  'question.errorTooLong': 'Mae hyn yn rhy hir. Defnyddia hyd at {max} nod.',
  'question.errorChoose': 'Dewisa un o’r atebion',
  'question.answerHint': 'Dewisa dy ateb i fynd ymlaen i’r cwestiwn nesaf.',
  'question.chosen': 'dy ateb',
  'question.errorSave': 'Mae’n ddrwg gennym, doedd dim modd cadw’r ateb hwnnw. Rho gynnig arall arni.',

  'check.title': 'Gwiria dy atebion',
  'check.lead': 'Galli di newid unrhyw ateb cyn eu hanfon.',
  'check.sendHeading': 'Anfon dy atebion',
  'check.sendText': 'Ar ôl i ti anfon dy atebion, alli di ddim eu newid.',

  'thanks.sent': 'Mae dy atebion wedi’u hanfon.',
  'thanks.text': 'Mae’r hyn a ddywedaist ti wrthon ni’n helpu {authority} i wneud pethau’n well i blant a theuluoedd.',
  'thanks.close': 'Galli di gau’r dudalen hon nawr.',

  'help.thanks': 'Diolch am ddweud wrthon ni. Mae’r hyn a ddywedaist ti’n bwysig, ac rydyn ni eisiau i ti fod yn ddiogel.',
  'help.told': 'Rydyn ni wedi rhoi gwybod i’r tîm yn {authority} beth ddywedaist ti, er mwyn iddyn nhw edrych arno.',
  'help.emergencyHeading': 'Os wyt ti mewn perygl nawr',
  'help.emergencyText': 'Gofynna am yr heddlu neu ambiwlans.',
  'help.childlineText': 'Am ddim, unrhyw bryd, ddydd neu nos. Galli di hefyd siarad â nhw ar-lein yn childline.org.uk.',
  'help.trusted': 'Galli di hefyd siarad â rhywun rwyt ti’n ymddiried ynddo, fel athro neu athrawes, gofalwr, rhywun yn dy deulu neu dy weithiwr.',

  'helpPanel.title': 'Mae help ar gael os oes ei angen arnat ti',
  'helpPanel.emergency': 'Mewn perygl nawr, ffonia',

  'privacy.title': 'Sut rydyn ni’n gofalu am dy atebion',
  'privacy.intro': 'Mae’r dudalen hon yn dweud beth sy’n digwydd i dy atebion. Os nad yw rhywbeth yn glir, gofynna i dy weithiwr neu i rywun rwyt ti’n ymddiried ynddo.',
  'privacy.keep': 'Rydyn ni’n cadw’r atebion rwyt ti’n eu rhoi a’r iaith a ddewisaist ti. Dydyn ni ddim yn gofyn am dy enw. Dydyn ni ddim yn cadw dim am dy ffôn neu dy gyfrifiadur, nac am ble rwyt ti.',
  'privacy.whoHeading': 'Pwy sy’n gweld dy atebion',
  'privacy.anonymousHeading': 'Mae dy enw’n aros yn breifat',
  'privacy.anonymous': 'Does dim enw ar dy atebion, oni bai dy fod ti’n dewis ei ysgrifennu. Os byddi di’n ysgrifennu dy enw neu bethau amdanat ti dy hun, efallai y bydd y bobl sy’n eu darllen yn gwybod mai dy atebion di ydyn nhw.',
  'privacy.code': 'Os rhoddodd dy weithiwr god i ti sydd ar dy gyfer di yn unig, gall y cod gysylltu dy atebion â chofnod dy deulu. Mae hyn er mwyn i rywun allu dy helpu’n gyflym os nad wyt ti’n ddiogel.',
  'privacy.safeHeading': 'Os nad wyt ti’n ddiogel',
  'privacy.safe': 'Os yw dy atebion yn dweud efallai nad wyt ti’n ddiogel, rydyn ni’n dweud wrth y tîm yn {authority} sydd â’r gwaith o gadw pobl yn ddiogel, ar unwaith. Mae dy gadw di’n ddiogel yn bwysicach na chadw dy atebion yn breifat.',
  'privacy.choicesHeading': 'Dy ddewisiadau',
  'privacy.choices': 'Does dim rhaid i ti ateb. Galli di neidio dros unrhyw gwestiwn, dewis “Byddai’n well gen i beidio â dweud”, neu stopio unrhyw bryd.',
  'privacy.questions': 'Gofynna i dy weithiwr, neu cysyllta â {authority}. Mae Swyddfa’r Comisiynydd Gwybodaeth (ico.org.uk) yn gwneud yn siŵr bod sefydliadau’n gofalu am wybodaeth yn iawn, a galli di gysylltu â nhw hefyd.',
};
