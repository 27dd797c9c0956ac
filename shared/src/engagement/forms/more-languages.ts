/**
 * The built-in feedback forms in Polish, Urdu and easy-read English: a phrasebook from each
 * English text to its translations, laid onto a form beside its Welsh (awaiting review by
 * native speakers; a text missing here stays in English).
 */
import type { ChoiceOption, Question, TemplateDefinition, TemplateSection } from '../../templates/template-schemas.ts';

interface Phrase {
  pl: string;
  ur: string;
  easy: string;
}

const p = (pl: string, ur: string, easy: string): Phrase => ({ pl, ur, easy });

export const PHRASEBOOK: Readonly<Record<string, Phrase>> = {
  // Points and the two ways not to answer.
  Yes: p('Tak', 'ہاں', 'Yes'),
  Sometimes: p('Czasami', 'کبھی کبھی', 'Sometimes'),
  No: p('Nie', 'نہیں', 'No'),
  'A bit': p('Trochę', 'تھوڑا سا', 'A bit'),
  Partly: p('Częściowo', 'کچھ حد تک', 'A bit'),
  'I don’t know': p('Nie wiem', 'مجھے نہیں معلوم', 'I don’t know'),
  'I’d rather not say': p('Wolę nie mówić', 'بہتر ہے کہ میں نہ بتاؤں', 'I’d rather not say'),

  // Forms' names and descriptions.
  'Have your say (ages 4 to 7)': p('Wyraź swoje zdanie (4–7 lat)', 'اپنی رائے دیں (4 سے 7 سال)', 'Have your say (ages 4 to 7)'),
  'Have your say (ages 8 to 10)': p('Wyraź swoje zdanie (8–10 lat)', 'اپنی رائے دیں (8 سے 10 سال)', 'Have your say (ages 8 to 10)'),
  'Have your say (ages 11 to 18)': p('Wyraź swoje zdanie (11–18 lat)', 'اپنی رائے دیں (11 سے 18 سال)', 'Have your say (ages 11 to 18)'),
  'Have your say (care leavers)': p('Wyraź swoje zdanie (osoby opuszczające pieczę)', 'اپنی رائے دیں (نگہداشت چھوڑنے والے)', 'Have your say (leaving care)'),
  'Have your say (parents and carers)': p('Wyraź swoje zdanie (rodzice i opiekunowie)', 'اپنی رائے دیں (والدین اور دیکھ بھال کرنے والے)', 'Have your say (parents and carers)'),
  'Short questions shown with faces, then a chance to tell us more in your own words. A grown-up can read the questions out and write down what the child says.': p(
    'Krótkie pytania z buźkami, a potem okazja, by powiedzieć nam więcej własnymi słowami. Dorosły może przeczytać pytania na głos i zapisać, co mówi dziecko.',
    'چہروں کے ساتھ مختصر سوالات، پھر اپنے الفاظ میں ہمیں مزید بتانے کا موقع۔ کسی بڑے کی مدد سے سوالات بلند آواز سے پڑھے جا سکتے ہیں اور بچے کی بات لکھی جا سکتی ہے۔',
    'Short questions with faces. Then you can tell us more. A grown-up can read the questions. They can write down what you say.',
  ),
  'Short questions, one at a time, about feeling safe, your worker and your plan, then a chance to tell us more in your own words.': p(
    'Krótkie pytania, po jednym, o poczuciu bezpieczeństwa, Twoim pracowniku i Twoim planie, a potem okazja, by powiedzieć nam więcej własnymi słowami.',
    'مختصر سوالات، ایک وقت میں ایک، محفوظ محسوس کرنے، آپ کے کارکن اور آپ کے منصوبے کے بارے میں، پھر اپنے الفاظ میں ہمیں مزید بتانے کا موقع۔',
    'Short questions, one at a time. They are about feeling safe, your worker and your plan. Then you can tell us more.',
  ),
  'About feeling safe, your worker, your plan and how to complain, with space to say what is good and what could be better. It takes about five minutes.': p(
    'O poczuciu bezpieczeństwa, Twoim pracowniku, Twoim planie i o tym, jak złożyć skargę, z miejscem na to, co jest dobre i co mogłoby być lepsze. Zajmuje to około pięciu minut.',
    'محفوظ محسوس کرنے، آپ کے کارکن، آپ کے منصوبے اور شکایت کرنے کے طریقے کے بارے میں، اور یہ بتانے کی جگہ کہ کیا اچھا ہے اور کیا بہتر ہو سکتا ہے۔ اس میں تقریباً پانچ منٹ لگتے ہیں۔',
    'Questions about feeling safe, your worker, your plan and how to complain. You can say what is good. You can say what could be better. It takes about five minutes.',
  ),
  'For young adults leaving care: feeling safe, your personal adviser, your pathway plan and the support you can get.': p(
    'Dla młodych dorosłych opuszczających pieczę: poczucie bezpieczeństwa, Twój osobisty doradca, Twój plan ścieżki i wsparcie, jakie możesz otrzymać.',
    'نگہداشت چھوڑنے والے نوجوان بالغوں کے لیے: محفوظ محسوس کرنا، آپ کا ذاتی مشیر، آپ کا راستے کا منصوبہ اور وہ مدد جو آپ کو مل سکتی ہے۔',
    'For young adults leaving care. Questions about feeling safe, your personal adviser, your pathway plan and the help you can get.',
  ),
  'For parents and carers: feeling safe, your family’s worker, the plan and how to complain, with space to say what is good and what could be better.': p(
    'Dla rodziców i opiekunów: poczucie bezpieczeństwa, pracownik Twojej rodziny, plan i jak złożyć skargę, z miejscem na to, co jest dobre i co mogłoby być lepsze.',
    'والدین اور دیکھ بھال کرنے والوں کے لیے: محفوظ محسوس کرنا، آپ کے خاندان کا کارکن، منصوبہ اور شکایت کرنے کا طریقہ، اور یہ بتانے کی جگہ کہ کیا اچھا ہے اور کیا بہتر ہو سکتا ہے۔',
    'For parents and carers. Questions about feeling safe, your family’s worker, the plan and how to complain. You can say what is good. You can say what could be better.',
  ),

  // Sections.
  'How things are': p('Jak jest', 'حالات کیسے ہیں', 'How things are'),
  'Feeling safe': p('Poczucie bezpieczeństwa', 'محفوظ محسوس کرنا', 'Feeling safe'),
  'My worker': p('Mój pracownik', 'میرے کارکن', 'My worker'),
  'Our worker': p('Nasz pracownik', 'ہمارے کارکن', 'Our worker'),
  'My personal adviser': p('Mój osobisty doradca', 'میرے ذاتی مشیر', 'My personal adviser'),
  'My plan': p('Mój plan', 'میرا منصوبہ', 'My plan'),
  'The plan': p('Plan', 'منصوبہ', 'The plan'),
  'My pathway plan': p('Mój plan ścieżki', 'میرا راستے کا منصوبہ', 'My pathway plan'),
  'Tell us more': p('Powiedz nam więcej', 'ہمیں مزید بتائیں', 'Tell us more'),

  // Questions and hints.
  'I feel safe': p('Czuję się bezpiecznie', 'مجھے محفوظ محسوس ہوتا ہے', 'I feel safe'),
  'I feel safe where I live': p('Czuję się bezpiecznie tam, gdzie mieszkam', 'مجھے اپنے رہنے کی جگہ پر محفوظ محسوس ہوتا ہے', 'I feel safe where I live'),
  'Think about home and school.': p('Pomyśl o domu i szkole.', 'گھر اور اسکول کے بارے میں سوچیں۔', 'Think about home and school.'),
  'At home, at school and in the place where you live.': p('W domu, w szkole i w miejscu, w którym mieszkasz.', 'گھر پر، اسکول میں اور اس جگہ جہاں آپ رہتے ہیں۔', 'At home, at school and where you live.'),
  'At home and in your daily life.': p('W domu i w codziennym życiu.', 'گھر پر اور روزمرہ زندگی میں۔', 'At home and every day.'),
  'Where you live, at school or college, and when you are out and about.': p(
    'Tam, gdzie mieszkasz, w szkole lub college’u i poza domem.',
    'جہاں آپ رہتے ہیں، اسکول یا کالج میں، اور جب آپ باہر ہوں۔',
    'Where you live, at school or college, and when you are out.',
  ),
  'My worker listens to me': p('Mój pracownik mnie słucha', 'میرے کارکن میری بات سنتے ہیں', 'My worker listens to me'),
  'Your worker is the person from children’s services who comes to see you.': p(
    'Twój pracownik to osoba ze służb ds. dzieci, która przychodzi się z Tobą zobaczyć.',
    'آپ کا کارکن بچوں کی خدمات کا وہ شخص ہے جو آپ سے ملنے آتا ہے۔',
    'Your worker comes to see you. They are from children’s services.',
  ),
  'My worker helps me': p('Mój pracownik mi pomaga', 'میرے کارکن میری مدد کرتے ہیں', 'My worker helps me'),
  'My worker did what they said they would': p('Mój pracownik zrobił to, co obiecał', 'میرے کارکن نے وہ کیا جو انہوں نے کہا تھا', 'My worker did what they said'),
  'Our worker listens to us': p('Nasz pracownik nas słucha', 'ہمارے کارکن ہماری بات سنتے ہیں', 'Our worker listens to us'),
  'Our worker did what they said they would': p('Nasz pracownik zrobił to, co obiecał', 'ہمارے کارکن نے وہ کیا جو انہوں نے کہا تھا', 'Our worker did what they said'),
  'I can get hold of my worker when I need to': p('Mogę skontaktować się z moim pracownikiem, kiedy potrzebuję', 'جب مجھے ضرورت ہو تو میرا اپنے کارکن سے رابطہ ہو جاتا ہے', 'I can reach my worker when I need to'),
  'My personal adviser listens to me': p('Mój osobisty doradca mnie słucha', 'میرے ذاتی مشیر میری بات سنتے ہیں', 'My personal adviser listens to me'),
  'My personal adviser did what they said they would': p('Mój osobisty doradca zrobił to, co obiecał', 'میرے ذاتی مشیر نے وہ کیا جو انہوں نے کہا تھا', 'My personal adviser did what they said'),
  'I understand my plan': p('Rozumiem mój plan', 'مجھے اپنا منصوبہ سمجھ میں آتا ہے', 'I understand my plan'),
  'Your plan says what will happen and who will help.': p('Twój plan mówi, co się wydarzy i kto pomoże.', 'آپ کا منصوبہ بتاتا ہے کہ کیا ہوگا اور کون مدد کرے گا۔', 'Your plan says what will happen. It says who will help.'),
  'I understand our family’s plan': p('Rozumiem plan naszej rodziny', 'مجھے اپنے خاندان کا منصوبہ سمجھ میں آتا ہے', 'I understand our family’s plan'),
  'I understand my pathway plan': p('Rozumiem mój plan ścieżki', 'مجھے اپنا راستے کا منصوبہ سمجھ میں آتا ہے', 'I understand my pathway plan'),
  'My views are part of my plan': p('Moje zdanie jest częścią mojego planu', 'میری رائے میرے منصوبے کا حصہ ہے', 'What I think is in my plan'),
  'I was part of making the plan': p('Brałem(-am) udział w tworzeniu planu', 'منصوبہ بنانے میں مجھے شامل کیا گیا', 'I helped make the plan'),
  'I know how to complain': p('Wiem, jak złożyć skargę', 'مجھے معلوم ہے کہ شکایت کیسے کرنی ہے', 'I know how to complain'),
  'I know how to complain if I am unhappy': p('Wiem, jak złożyć skargę, jeśli jestem niezadowolony(-a)', 'اگر میں ناخوش ہوں تو مجھے معلوم ہے کہ شکایت کیسے کرنی ہے', 'I know how to complain if I am unhappy'),
  'I know what support I can get, such as help with money, a home, or education and work': p(
    'Wiem, jakie wsparcie mogę otrzymać, na przykład pomoc z pieniędzmi, mieszkaniem, nauką lub pracą',
    'مجھے معلوم ہے کہ مجھے کیا مدد مل سکتی ہے، جیسے پیسے، گھر، یا تعلیم اور کام میں مدد',
    'I know what help I can get. For example, help with money, a home, school or work',
  ),
  'What is good?': p('Co jest dobre?', 'کیا اچھا ہے؟', 'What is good?'),
  'What could be better?': p('Co mogłoby być lepsze?', 'کیا بہتر ہو سکتا ہے؟', 'What could be better?'),
  'What is good about the help you get?': p('Co jest dobre w pomocy, którą otrzymujesz?', 'آپ کو ملنے والی مدد میں کیا اچھا ہے؟', 'What is good about your help?'),
  'What would you change?': p('Co byś zmienił(-a)?', 'آپ کے خیال میں کیا بدلنا چاہیے؟', 'What would you change?'),
  'The grown-up helping you can write down what you say.': p('Dorosły, który Ci pomaga, może zapisać, co mówisz.', 'آپ کی مدد کرنے والا بڑا آپ کی بات لکھ سکتا ہے۔', 'The grown-up helping you can write what you say.'),
  'Anything about the help you get, big or small.': p('Cokolwiek o pomocy, którą otrzymujesz, dużego lub małego.', 'آپ کو ملنے والی مدد کے بارے میں کچھ بھی، بڑا یا چھوٹا۔', 'Anything about your help. Big or small.'),
};

const LANGUAGES = ['pl', 'ur', 'easy'] as const;

function each<T>(english: string | undefined, make: (phrase: Phrase[(typeof LANGUAGES)[number]], language: (typeof LANGUAGES)[number]) => T): Partial<Record<(typeof LANGUAGES)[number], T>> {
  const phrase = english === undefined ? undefined : PHRASEBOOK[english];
  if (!phrase) return {};
  return Object.fromEntries(LANGUAGES.map((language) => [language, make(phrase[language], language)]));
}

function option(o: ChoiceOption): ChoiceOption {
  return { ...o, translations: { ...o.translations, ...each(o.label, (label) => ({ label })) } };
}

function question(q: Question): Question {
  const hints = each(q.hint, (hint) => hint);
  const labels = each(q.label, (label, language) => ({ label, ...(hints[language] ? { hint: hints[language] } : {}) }));
  return { ...q, translations: { ...q.translations, ...labels }, ...(q.options ? { options: q.options.map(option) } : {}) };
}

function section(s: TemplateSection): TemplateSection {
  return { ...s, translations: { ...s.translations, ...each(s.title, (title) => ({ title })) }, questions: s.questions.map(question) };
}

/** A form with its Polish, Urdu and easy-read text from the phrasebook, where both name and description are there. */
export function withMoreLanguages(form: TemplateDefinition): TemplateDefinition {
  const names = each(form.name, (name) => name);
  const whole = each(form.description, (description, language) => (names[language] ? { name: names[language], description } : undefined));
  const blocks = Object.fromEntries(Object.entries(whole).filter(([, block]) => block !== undefined));
  return { ...form, translations: { ...form.translations, ...blocks }, sections: form.sections.map(section) };
}
