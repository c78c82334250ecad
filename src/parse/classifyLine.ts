import type { NumericOrder } from './parseDateLine.js';
import { labelledDateProblem, parseLabelledDate } from './parseLabelledDate.js';

/** What one non-blank line of a page is, before any layout is chosen. */
export type LineKind =
  /** a line that is only a date */
  | 'date'
  /** looks like a date but names no real day */
  | 'badDate'
  /** only punctuation or symbols */
  | 'noWords'
  /** page furniture: a link ("Read more"), a share line, a breadcrumb, pagination, a separator, a section label */
  | 'furniture'
  /** a language marker put before each item of a listing ("English", "Español") */
  | 'marker'
  /** a list line ("- ", "• ") that continues the summary above */
  | 'bullet'
  /** anything else: a title, a summary line, a tag line, a heading */
  | 'text';

/** A line that continues the summary above as a list entry. */
export const BULLET = /^[-–•*·▪●]\s+/u;
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;
/** A separator between items: `---`, `* * *`, `___`, `===`, `• • •` (three marks or more, spaced or not). */
const SEPARATOR = /^(?:[-–—_*=~•·]\s*){3,}$/u;

const MARKER = /^((in |en )?(english|espa[nñ]ol|spanish|ingl[eé]s|fran[cç]ais|french)|en|es)$/i;
/** A language switcher: "English | Español", "EN / ES". */
const SWITCHER = /^(english|espa[nñ]ol|en|es|fr|fran[cç]ais)(\s*[|/·]\s*(english|espa[nñ]ol|en|es|fr|fran[cç]ais))+$/i;
/** A capitalised word of a name in a byline. */
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
/**
 * A byline's start and name, the further name words still to be counted (`*`, `+`): not a Title Case headline
 * ("By Boat To Mexico" has a capitalised function word no name has).
 */
const BYLINE_NAME = `^([Bb]y|[Ww]ritten by|[Ss]tory by|[Tt]ext by|[Pp]hotos? by)\\s+(?!.*\\b(To|In|For|Of|On|At|From|With|Into|Across|Through|And|The|Is|Are|After|Before|Over)\\b)${NAME_WORD}(\\s+(${NAME_WORD}|de|del|la|van|von|&|\\/))`;

/** Links and labels a listing or article page carries around its items, in English and Spanish. */
const FURNITURE: RegExp[] = [
  // Read more · Read the full story · Leer más · Ver más · Seguir leyendo, with an arrow or ellipsis
  /^(read more|read the full story|read full story|read the story|full story|continue reading|more information|see more|learn more|find out more|view more|show more|load more|more news|leer m[aá]s|ver m[aá]s|seguir leyendo|m[aá]s informaci[oó]n|leer la nota completa|leer (la )?noticia( completa)?|leer (el )?art[ií]culo( completo)?|ver (la )?(nota|noticia)( completa)?|cargar m[aá]s( noticias| historias)?|mostrar m[aá]s|m[aá]s noticias|ver m[aá]s noticias|load more (stories|news|articles|posts)|conoce m[aá]s|saber m[aá]s)\b[\s.…»›>→]*$/i,
  // Share: Facebook Twitter LinkedIn · Compartir: … · Share this · Compartir en redes
  /^(share|compartir)\b( (this|this story|this page|on|en|esta noticia|esta p[aá]gina|en redes( sociales)?))?\s*[:：]?(\s*(facebook|twitter|x|linkedin|whatsapp|e-?mail|correo|print|imprimir|telegram)[\s,|·]*)*$/i,
  /^((facebook|twitter|linkedin|whatsapp|e-?mail|correo|telegram|print|imprimir)[\s,|·]*){2,}$/i,
  // Home > News > Press releases · Inicio » Noticias (two links or more, or one from Home/Inicio)
  /^(home|inicio|portada)\s*[>»›/|]\s*\S/i,
  /^[^>»›]{1,60}\s[>»›]\s[^>»›]{1,60}\s[>»›]\s/u,
  // « Previous 1 2 3 Next » · « Anterior 1 2 Siguiente » · Page 2 of 5 · Página 2 de 5
  /^[«‹<]?\s*((previous|prev|anterior|first|primera|last|[uú]ltima|next|siguiente|\d{1,3}|…|\.\.\.)[\s|·«»‹›<>]*){2,}[»›>]?$/i,
  // Page 2 of 5 · ‹ previous   page 1 of 3   next › · Page 1 of 6 | Next >
  /^[«‹<]?\s*(previous|prev|anterior)?\s*(page|p[aá]gina)\s+\d+\s+(of|de)\s+\d+(\s*[|·]?\s*[«‹<]?\s*(next|previous|prev|siguiente|anterior)\s*[»›>→]*)?$/i,
  // Next › · « Previous · Siguiente » · Anterior (one pagination link on its own)
  /^[«‹<←]?\s*(next|previous|prev|siguiente|anterior)\s*[»›>→]*$/i,
  // Showing 1–10 of 45 results · Mostrando 1-10 de 45 resultados · 45 results
  /^(showing|mostrando)\s+\d+\s*[-–]\s*\d+\s+(of|de)\s+\d+(\s+(results|items|resultados|noticias|art[ií]culos))?$/i,
  /^\d+\s+(results|resultados)(\s+(found|encontrados))?$/i,
  /^[«‹<]?\s*((older|newer) (posts|entries|news)|(next|previous) page|p[aá]gina (siguiente|anterior)|entradas (anteriores|siguientes|m[aá]s recientes|m[aá]s antiguas))\s*[»›>]?$/i,
  // You are here: Home > News · Usted está aquí: Inicio
  /^(you are here|usted est[aá] aqu[ií]|est[aá] aqu[ií])\s*:/i,
  // By IOM Staff · By María José López · Posted by … · Por: Equipo de comunicación (see BYLINE_NAME)
  new RegExp(`${BYLINE_NAME}*$`, 'u'),
  // with its organisation after a comma: a name of two words or more, then at most three ("By Ana López, IOM
  // Guatemala"; not "By Sea, Hundreds Reach Panama")
  new RegExp(`${BYLINE_NAME}+,\\s*${NAME_WORD}(\\s+${NAME_WORD}){0,2}$`, 'u'),
  /^(por|escrito por|texto( y fotos?)? por)\s*:\s*\S/i,
  // Most read · Related news · Noticias relacionadas · Lo más leído · Back to top · Tags: …
  /^(most read|most popular|related news|related stories|related articles|you may also like|see also|also read|lo m[aá]s le[ií]do|m[aá]s le[ií]d[ao]s|noticias relacionadas|art[ií]culos relacionados|ver tambi[eé]n|back to top|volver arriba|print|imprimir|print this page|subscribe|suscr[ií]bete|references|referencias|categories|categor[ií]as|tags|etiquetas|archives|archivo)\s*:?$/i,
  /^(tags|etiquetas|temas|topics)\s*:/i,
  // Photo: IOM/Name · Foto: OIM · Credit: … · Posted by … · Publicado por …
  /^(photo|photos|foto|fotos|image|imagen|credit|cr[eé]dito|photo credit|source of photo)\s*:/i,
  /^(posted|published|publicado|publicada)\s+(by|on|por|el)\b/i,
  // a cookie banner: This website uses cookies… · We use cookies… · Este sitio utiliza cookies…
  /^((this|our) (web ?)?site|we|este sitio( web)?|esta p[aá]gina|nosotros)?\s*(uses?|utiliza(mos)?|usa(mos)?)\s+(las\s+)?cookies\b/i,
  // Follow us: Facebook | Twitter · Privacy policy | Terms of use | Sitemap · 2 Comments · Leave a comment
  /^(follow us|s[ií]guenos)\s*(on|en)?\s*:?\s*((facebook|twitter|x|youtube|instagram|linkedin|flickr|tiktok|whatsapp)[\s,|·]*)+$/i,
  /^((privacy( policy| notice)?|terms( of use| and conditions)?|site ?map|cookies?( policy| settings)?|accessibility|disclaimer|aviso (de privacidad|legal)|pol[ií]tica de (privacidad|cookies)|t[eé]rminos( de uso| y condiciones)?|mapa del sitio|contact( us)?|contacto)\s*[|·]?\s*){2,}$/i,
  /^(\d+|no)\s+(comments?|comentarios?|responses?|respuestas?)$/i,
  /^(leave a (comment|reply)|deja un comentario)$/i,
  // a search page's survey: Did you find what you were looking for? Yes | No
  /^(did you find|was this (page )?helpful|¿?encontr[oó] lo que buscaba|¿?le fue [uú]til).*\?\s*(yes|s[ií])\s*[|/·]\s*no$/i,
  // © 2019 IOM. All rights reserved · Copyright 2019 · a newsletter's e-mail field
  /^(©|\(c\)|copyright\s*©?)\s*\d{4}\b/i,
  /^©\s*\p{Lu}/u,
  /^(enter your e-?mail( address)?|your e-?mail( address)?|e-?mail address|ingres[ae] (tu|su) (correo|e-?mail)( electr[oó]nico)?|tu correo( electr[oó]nico)?)\s*[:.…]*$/i,
  // site chrome: menus, search, newsletter and social prompts, downloads
  /^(menu|men[uú]|search|buscar|skip to (main )?content|saltar al contenido|back|volver|back to news|volver a noticias|follow us|s[ií]guenos|subscribe( to our newsletter)?|suscr[ií]b(ete|ase)( a nuestro bolet[ií]n)?|newsletter|bolet[ií]n|contact( us)?|contacto|cont[aá]ctenos|download( pdf| the report)?|descargar( pdf| el informe)?|print( this page)?|imprimir( esta p[aá]gina)?|top|arriba)\s*[:»›>→…]*$/i,
];

/**
 * Says what kind of line a (normalised, non-blank) page line is, from the line alone.
 *
 * @example
 * classifyLine('Read more')          //=> 'furniture'
 * classifyLine('5 December, 2018')   //=> 'date'
 * classifyLine('Español')            //=> 'marker'
 */
export function classifyLine(line: string, order: NumericOrder = 'day-first'): LineKind {
  if (parseLabelledDate(line, order)) return 'date';
  if (SEPARATOR.test(line)) return 'furniture';
  if (NO_WORDS.test(line)) return 'noWords';
  if (labelledDateProblem(line, order) !== null) return 'badDate';
  if (BULLET.test(line)) return 'bullet';
  if (line.length <= 12 && MARKER.test(line)) return 'marker';
  if (line.length <= 40 && SWITCHER.test(line)) return 'furniture';
  if (line.length <= 160 && FURNITURE.some((re) => re.test(line))) return 'furniture';
  return 'text';
}
