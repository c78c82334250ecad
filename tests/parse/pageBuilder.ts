import { fc } from '@fast-check/vitest';

/** An item to write into a page, and what the parser should give back. */
export interface KnownItem {
  title: string;
  /** ISO date, or null for an undated layout */
  date: string | null;
  paragraphs: string[];
}

/** The layouts the site and its sister sites publish. */
export type LayoutName =
  | 'dated-blocks'
  | 'title-date-summary'
  | 'date-last'
  | 'undated-blank'
  | 'undated-pairs'
  | 'tag-listing-dated'
  | 'tag-listing-title-first'
  | 'tag-listing-undated'
  | 'article';

/** How a page is written out: spacing, wrapping, line ends and furniture. */
export interface PageStyle {
  /** blank lines between parts (1 to 3), and what a blank line holds */
  blanks: number;
  /** each gap draws its own count of blank lines (1 to 3) instead of `blanks` */
  varyBlanks: boolean;
  blank: '' | ' ' | '\u00A0' | '   ' | '\t' | ' \u00A0 ';
  /** hard-wrap width for titles and paragraphs, or 0 for none */
  wrap: number;
  crlf: boolean;
  /** the page ends with a line break */
  finalNewline: boolean;
  language: 'en' | 'es';
  /** long: "4 December, 2017" / "4 de diciembre de 2017"; short: "4 Diciembre, 2017"; weekday: "Monday, 4 December 2017" */
  dateStyle: 'long' | 'slash' | 'us' | 'iso' | 'short' | 'weekday' | 'us-numeric';
  /** add a breadcrumb and a section heading at the top, and "Read more" after each summary */
  furniture: boolean;
  /** furniture between items besides "Read more": a share line after each summary */
  share: boolean;
  /** English titles in Title Case, in sentence case (some ending in "?", some with a colon), or mostly Title Case */
  titleCase: 'title' | 'sentence' | 'mixed';
  /** summaries of long paragraphs, of one short sentence, or with bullet lines */
  summaries: 'paragraphs' | 'short' | 'bullets';
  /** article pages: a tag line between the title and the date, after the date, or none; a subheading in the body */
  tagLine: 'none' | 'before-date' | 'after-date';
  /** article pages: the title above the date, or the date above the title (the tag line then under the title) */
  articleDateFirst: boolean;
  subheading: boolean;
}

const TITLES_EN = [
  'IOM Trains Border Officials in Guatemala on the Identification of Trafficking Victims',
  'Costa Rica Opens a New Information Centre for Migrant Workers in Upala',
  'Returned Migrants in Honduras Receive Support to Start Small Businesses',
  'Municipal Authorities of Chiapas Update Their Contingency Plans for Migrant Caravans',
  'Panama and Colombia Agree on Measures to Protect Migrants in the Darién',
  'Young People in El Salvador Create a Campaign on Safe Migration',
  'Belize Launches Its First National Labour Migration Policy',
  'What the Data Show: Flow Monitoring in Tapachula',
  'Caribbean Governments Prepare for Displacement During the Hurricane Season',
  'Nicaraguan Journalists Learn to Report on Migration Without Stereotypes',
  'Dominican Republic Updates Its Registry of Migrant Workers',
  'Mexico Expands Shelter Capacity at Its Northern Border',
];
const TITLES_EN_SENTENCE = [
  'IOM promotes labor integration of migrants in Tijuana',
  'Why do young people leave the Dry Corridor?',
  'Guatemala: returned migrants receive psychosocial support',
  'New shelter opens in Tapachula',
  'Migrant caravan: what we know so far',
  'Costa Rica and Panama review the humanitarian flow of migrants',
  'More than 2,000 Hondurans returned from Mexico in January',
  'Is the Darién the most dangerous route in the Americas?',
  'Training for consular staff of El Salvador in the United States',
  'Belize: a census of migrant workers in the banana industry',
  'Help desks for migrants at the northern border of Mexico',
];
const TITLES_ES = [
  'La OIM capacita a funcionarios fronterizos de Guatemala en la identificación de víctimas de trata',
  'Costa Rica abre un nuevo centro de información para personas trabajadoras migrantes',
  'Personas retornadas en Honduras reciben apoyo para iniciar pequeños negocios',
  'Autoridades de Chiapas actualizan sus planes de contingencia ante las caravanas',
  'Panamá y Colombia acuerdan medidas para proteger a las personas migrantes en el Darién',
  'Jóvenes de El Salvador crean una campaña sobre migración segura',
  'Belice lanza su primera política nacional de migración laboral',
  'Lo que muestran los datos: monitoreo de flujos en Tapachula',
  'Gobiernos del Caribe se preparan para el desplazamiento durante la temporada de huracanes',
  '¿Por qué migran las personas jóvenes del Corredor Seco?',
  'Honduras: personas retornadas reciben atención psicosocial',
  'Nuevo albergue en Tapachula',
  '¿Es el Darién la ruta más peligrosa de las Américas?',
  'Caravana de migrantes: lo que sabemos',
];
const PARAGRAPHS_EN = [
  'Guatemala City. Forty officials of the Guatemalan Institute of Migration took part in a three-day course on the identification and referral of victims of trafficking at land borders and airports.',
  'The course was organized by IOM with the support of the Ministry of Foreign Affairs, and included practical exercises based on real cases.',
  'San José, Costa Rica. The new centre will give information on work permits, health insurance and the rights of migrant workers, in Spanish and in Miskito.',
  'More than 300 people visited the centre during its first week. “We did not know where to ask,” said one of them.',
  'Tegucigalpa – Sixty returned migrants presented business plans for bakeries, workshops and small shops, and received seed capital and training.',
  'According to the survey, most of the people interviewed had travelled with their families and without documents.',
  'Mexico City - Federal and state authorities agreed to open three new temporary shelters and to reinforce health services.',
  'The agreement will be reviewed in six months.',
];
const PARAGRAPHS_ES = [
  'Ciudad de Guatemala. Cuarenta funcionarios del Instituto Guatemalteco de Migración participaron en un curso de tres días sobre la identificación y referencia de víctimas de trata.',
  'El curso fue organizado por la OIM con el apoyo del Ministerio de Relaciones Exteriores, e incluyó ejercicios prácticos basados en casos reales.',
  'San José, Costa Rica. El nuevo centro dará información sobre permisos de trabajo, seguro de salud y derechos de las personas trabajadoras migrantes.',
  'Más de 300 personas visitaron el centro durante su primera semana. “No sabíamos dónde preguntar”, dijo una de ellas.',
  'Tegucigalpa – Sesenta personas retornadas presentaron planes de negocio para panaderías, talleres y pequeñas tiendas.',
  'Según la encuesta, la mayoría de las personas entrevistadas viajaba con su familia y sin documentos.',
];
const SHORT_EN = [
  'The course lasted three days.',
  'The agreement will be reviewed in six months.',
  'More than 300 people took part.',
  'IOM supported the event.',
];
const SHORT_ES = [
  'El curso duró tres días.',
  'El acuerdo se revisará en seis meses.',
  'Participaron más de 300 personas.',
  'La OIM apoyó el evento.',
];
const BULLETS_EN = [
  'The programme offers:\n- information on work permits\n- health insurance\n- legal advice',
  'Participants learned to:\n• identify victims of trafficking;\n• refer them to the services that can help.',
];
const BULLETS_ES = [
  'El programa ofrece:\n- información sobre permisos de trabajo\n- seguro de salud\n- asesoría legal',
  'Las personas participantes aprendieron a:\n• identificar a víctimas de trata;\n• referirlas a los servicios de apoyo.',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Month names as Intl writes them in each language (not the parser's own tables). */
const monthNames = (lang: string) =>
  Array.from({ length: 12 }, (_, m) =>
    new Date(Date.UTC(2000, m, 1)).toLocaleString(lang, { month: 'long', timeZone: 'UTC' }),
  );
const MONTHS = { en: monthNames('en'), es: monthNames('es') };
const TAGS = ['Guatemala', 'Belize, Costa Rica, El Salvador', 'Honduras, Mexico', 'Panama'];
const HEADINGS = {
  en: ['Nicaragua', 'Counter-trafficking', 'Press releases'],
  es: ['Honduras', 'Retorno y reintegración'],
};

/** A date line in one of the site's styles. */
export function writeDate(iso: string, style: PageStyle): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (style.dateStyle === 'slash') return `${String(d).padStart(2, '0')} / ${String(m).padStart(2, '0')} / ${y}`;
  if (style.dateStyle === 'iso') return iso;
  if (style.dateStyle === 'us-numeric')
    return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!.slice(0, 3)}, ${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`;
  const es = MONTHS.es[m - 1]!;
  if (style.dateStyle === 'short')
    return style.language === 'es'
      ? `${d} ${es[0]!.toUpperCase()}${es.slice(1)}, ${y}`
      : `${d} ${MONTHS.en[m - 1]} ${y}`;
  if (style.dateStyle === 'weekday' && style.language === 'en')
    return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${d} ${MONTHS.en[m - 1]} ${y}`;
  if (style.language === 'es') return `${d} de ${es} de ${y}`;
  if (style.dateStyle === 'us') return `${MONTHS.en[m - 1]} ${d}, ${y}`;
  return `${d} ${MONTHS.en[m - 1]}, ${y}`;
}

/** Hard-wraps text at a width, breaking at spaces only. */
export function hardWrap(text: string, width: number): string[] {
  if (width === 0) return [text];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out;
}

/** Writes items as a page in a layout and style; returns the text. */
export function writePage(items: KnownItem[], layout: LayoutName, style: PageStyle, seed = 0): string {
  const out: string[] = [];
  let turn = seed;
  const gap = () => {
    const n = style.varyBlanks ? 1 + (turn++ % 3) : style.blanks;
    for (let i = 0; i < n; i++) out.push(style.blank);
  };
  // a paragraph's bullet lines go on lines of their own; its first line may wrap
  const text = (t: string) => {
    const [first, ...rest] = t.split('\n');
    out.push(...hardWrap(first!, style.wrap), ...rest);
  };
  const heading = HEADINGS[style.language][seed % HEADINGS[style.language].length]!;
  const marker = style.language === 'es' ? 'Español' : 'English';
  const readMore = style.language === 'es' ? 'Leer más' : 'Read more';
  if (style.furniture) {
    out.push(style.language === 'es' ? 'Inicio > Noticias' : 'Home > News');
    gap();
  }
  if (layout.startsWith('tag-listing') || (style.furniture && layout !== 'article')) {
    out.push(heading);
    gap();
  }
  const summary = (it: KnownItem) => {
    it.paragraphs.forEach((p, i) => {
      if (i > 0) gap();
      text(p);
    });
  };
  for (const [n, it] of items.entries()) {
    if (n > 0) gap();
    if (layout.startsWith('tag-listing')) {
      out.push(marker);
      gap();
    }
    switch (layout) {
      case 'dated-blocks':
      case 'tag-listing-dated':
        out.push(writeDate(it.date!, style));
        gap();
        text(it.title);
        gap();
        summary(it);
        break;
      case 'title-date-summary':
      case 'tag-listing-title-first':
        text(it.title);
        gap();
        out.push(writeDate(it.date!, style));
        gap();
        summary(it);
        break;
      case 'date-last':
        text(it.title);
        gap();
        summary(it);
        gap();
        out.push(writeDate(it.date!, style));
        break;
      case 'undated-blank':
      case 'tag-listing-undated':
        text(it.title);
        gap();
        summary(it);
        break;
      case 'undated-pairs':
        out.push(it.title, ...it.paragraphs.flatMap((p) => p.split('\n')));
        break;
      case 'article':
        if (style.articleDateFirst) {
          out.push(writeDate(it.date!, style));
          gap();
          text(it.title);
          gap();
          if (style.tagLine !== 'none') {
            out.push(TAGS[seed % TAGS.length]!);
            gap();
          }
          summary(it);
          break;
        }
        text(it.title);
        gap();
        if (style.tagLine === 'before-date') {
          out.push(TAGS[seed % TAGS.length]!);
          gap();
        }
        out.push(writeDate(it.date!, style));
        gap();
        if (style.tagLine === 'after-date') {
          out.push(TAGS[seed % TAGS.length]!);
          gap();
        }
        summary(it);
        break;
    }
    if (style.furniture && layout !== 'article' && layout !== 'undated-pairs') {
      gap();
      out.push(readMore);
    }
    if (style.share && layout !== 'undated-pairs') {
      gap();
      out.push(style.language === 'es' ? 'Compartir: Facebook Twitter WhatsApp' : 'Share: Facebook Twitter LinkedIn');
    }
  }
  if (style.furniture && layout !== 'article') {
    gap();
    out.push('« Previous 1 2 3 Next »');
  }
  const eol = style.crlf ? '\r\n' : '\n';
  return out.join(eol) + (style.finalNewline ? eol : '');
}

const isoDate = fc
  .record({
    y: fc.integer({ min: 2016, max: 2023 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** The same month with a day over 12 ("2019-03-08" → "2019-03-21"), so that the day cannot be a month. */
const dayOver12 = (iso: string): string => {
  const d = Number(iso.slice(8));
  return d > 12 ? iso : `${iso.slice(0, 8)}${d + 13}`;
};

/** A style, a layout and the items to write: an arbitrary for property tests. */
export const arbitraryPage = fc
  .record({
    layout: fc.constantFrom<LayoutName>(
      'dated-blocks',
      'title-date-summary',
      'date-last',
      'undated-blank',
      'undated-pairs',
      'tag-listing-dated',
      'tag-listing-title-first',
      'tag-listing-undated',
      'article',
    ),
    style: fc.record<PageStyle>({
      blanks: fc.integer({ min: 1, max: 3 }),
      varyBlanks: fc.boolean(),
      blank: fc.constantFrom(
        '' as const,
        ' ' as const,
        '\u00A0' as const,
        '   ' as const,
        '\t' as const,
        ' \u00A0 ' as const,
      ),
      wrap: fc.constantFrom(0, 0, 60, 72, 80),
      crlf: fc.boolean(),
      finalNewline: fc.boolean(),
      language: fc.constantFrom('en' as const, 'es' as const),
      dateStyle: fc.constantFrom(
        'long' as const,
        'slash' as const,
        'us' as const,
        'iso' as const,
        'short' as const,
        'weekday' as const,
        'us-numeric' as const,
      ),
      furniture: fc.boolean(),
      share: fc.boolean(),
      titleCase: fc.constantFrom('title' as const, 'sentence' as const, 'mixed' as const),
      summaries: fc.constantFrom('paragraphs' as const, 'short' as const, 'bullets' as const),
      tagLine: fc.constantFrom('none' as const, 'before-date' as const, 'after-date' as const),
      articleDateFirst: fc.boolean(),
      subheading: fc.boolean(),
    }),
    seed: fc.nat({ max: 100 }),
    count: fc.integer({ min: 2, max: 6 }),
    paragraphs: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 }),
    dates: fc.array(isoDate, { minLength: 6, maxLength: 6 }),
  })
  .map(({ layout, style, seed, count, paragraphs, dates }) => {
    const titles =
      style.language === 'es'
        ? TITLES_ES
        : style.titleCase === 'title'
          ? TITLES_EN
          : style.titleCase === 'sentence'
            ? TITLES_EN_SENTENCE
            : TITLES_EN.map((t, i) => (i % 4 === 3 ? TITLES_EN_SENTENCE[i % TITLES_EN_SENTENCE.length]! : t));
    const long = style.language === 'es' ? PARAGRAPHS_ES : PARAGRAPHS_EN;
    const short = style.language === 'es' ? SHORT_ES : SHORT_EN;
    const bullets = style.language === 'es' ? BULLETS_ES : BULLETS_EN;
    // short summaries: one short sentence; bullets: a paragraph, then a list in every other item
    const paragraph = (i: number, k: number, count: number): string => {
      const at = seed + i * 3 + k;
      if (layout === 'article' && style.subheading && k === 2)
        return style.language === 'es' ? 'Próximos pasos' : 'What comes next';
      if (style.summaries === 'short' && layout !== 'article' && k === 0) return short[at % short.length]!;
      if (style.summaries === 'bullets' && k === Math.min(1, count - 1) && i % 2 === 0)
        return bullets[at % bullets.length]!;
      return long[at % long.length]!;
    };
    const dated = !['undated-blank', 'undated-pairs', 'tag-listing-undated'].includes(layout);
    const n = layout === 'article' ? 1 : count;
    const items: KnownItem[] = Array.from({ length: n }, (_, i) => {
      const length = layout === 'article' ? 4 + paragraphs[i]! : layout === 'undated-pairs' ? 1 : paragraphs[i]!;
      return {
        title: titles[(seed + i) % titles.length]!,
        // month-first numeric dates: the first shows the order (a day over 12), as a real page's dates would
        date: dated ? (style.dateStyle === 'us-numeric' && i === 0 ? dayOver12(dates[i]!) : dates[i]!) : null,
        paragraphs: Array.from({ length }, (_, k) => paragraph(i, k, length)),
      };
    });
    return { layout, style, seed, items, text: writePage(items, layout, style, seed) };
  });
