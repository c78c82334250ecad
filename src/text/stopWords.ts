/**
 * Words that carry no meaning in a search, folded: English and Spanish function words, the words of a question
 * ("what did IOM do about …", "¿qué hace la OIM …") and the filler of a request ("latest updates regarding …",
 * "ejemplos de …"). A query does not require them, never suggests a spelling for them, and weighs them little.
 * Words that are also names or dates ("may", "who" as WHO) are still searched, just at that low weight. Words
 * that are part of the thesaurus's expressions ("information centres", "fake news") are not here.
 */
const WORDS = `
a about above after again against all also am an and any are around as at be because been before being
below between both but by can could did do does doing done down during each either else ever every few for
from further get gets getting got had has have having he her here hers him his how however i if in into is
it its itself just me more most much my no nor not now of off on once only or other our ours out over own
same she should so some such than that the their theirs them then there these they this those through to too
under until up upon us very was we were what whatever when where whether which while who whom whose why will
with within would yet you your yours
anything something someone anyone everything tell show find give gives know
many several among amongst across toward towards via per onto whereas already currently happen happens
happened happening going
latest recent recently update updates regarding concerning related way ways kind kinds type types example examples
thing things made make makes making take takes taken taking like want wants lot lots really please list
al algo algun alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aqui asi aun cada como
con contra cual cuales cualquier cuando cuanta cuantas cuanto cuantos de del desde donde durante e el ella
ellas ellos en entre era eran es esa esas ese eso esos esta estaba estan estar estas este esto estos
fue fueron ha habia han hace hacen hacer hacia han hasta hay hizo la las le les lo los mas me mi mis muy nada
ni no nos nosotros o otra otras otro otros para pero poco por porque que quien quienes se ser si sido sin
sobre son su sus tambien tan tanto te ti tiene tienen todo todos tu tus u un una unas uno unos usted ustedes y
ya yo
mucho mucha muchos muchas varios varias segun mediante tras despues bajo puede pueden debe deben siendo
ultimo ultima ultimos ultimas reciente recientes acerca respecto tipo tipos ejemplo ejemplos hecho haciendo existe
existen quiero saber dime
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Whether a folded term is a stop word. */
export const isStopWord = (term: string): boolean => STOP_WORDS.has(term);

/**
 * Generic verbs and nouns of a question ("how does IOM help …", "what services do … offer", "¿qué apoyo
 * reciben …"), English and Spanish, folded: they are searched and may match, but tell little of what the
 * question is about, so they count less than its other words in how much of a query an item matches (see
 * planQuery's `weak`). A rare one ("developed") would otherwise count as much as the subject of the question.
 * "people" and "personas" are the head of what the question is about ("indigenous people", "personas
 * retornadas"), not its subject; "number", "information", "need" and "looking" the filler of a request ("has the
 * number of deportations fallen?", "I need information on …").
 */
const WEAK = `
help helps helped helping support supports supported supporting assist assists assisted assistance protect
protects protected protecting receive receives received receiving provide provides provided offer offers
offered develop developed developing manage managed managing handle handling handled deal dealt respond
responding address addressing improve improving ensure ensuring affect affected affecting
efforts measures actions programmes programs initiatives situation issue issues problem problems services
ayuda ayudar ayudan apoya apoyan apoyar apoyo protege protegen proteger recibe reciben recibir ofrece ofrecen
ofrecer brinda brindan brindar atiende atienden atender maneja manejan gestiona gestionan mejora mejorar afecta
afectan esfuerzos medidas acciones programas iniciativas situacion problema problemas servicios
people person persons personas persona
number numbers information info need needs looking seeking
`;

export const WEAK_WORDS: ReadonlySet<string> = new Set(WEAK.split(/\s+/).filter(Boolean));

/** Whether a folded term is a generic word of a question (see WEAK_WORDS). */
export const isWeakWord = (term: string): boolean => WEAK_WORDS.has(term);
