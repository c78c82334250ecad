import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/parse/classifyLine.js';
import { describeText } from '../../src/parse/describeText.js';
import { parseLabelledDate } from '../../src/parse/parseLabelledDate.js';

describe('classifyLine', () => {
  it.each([
    'Read more',
    'Read more »',
    'Leer más',
    'Ver más…',
    'Share: Facebook Twitter LinkedIn',
    'Compartir: Facebook Twitter LinkedIn',
    'Home > News > Press releases',
    'Inicio > Noticias',
    '« Previous 1 2 3 Next »',
    '« Anterior 1 2 3 Siguiente »',
    'Most read',
    'Noticias relacionadas',
    'Photo: IOM/Juan Pérez',
    'English | Español',
    'Tags: migration, Honduras',
    'Subscribe to our newsletter',
    'Síguenos',
    'Download PDF',
    'Learn more',
    'Load more',
    'Leer noticia completa',
    'Older posts',
    'Entradas anteriores',
    'Página siguiente »',
    'You are here: Home > News',
    'Usted está aquí: Inicio',
    'By IOM Staff',
    'By María José López',
    'Por: Equipo de Comunicación',
    'Showing 1–10 of 45 results',
    'Mostrando 1-10 de 45 resultados',
    '45 results',
    // found on pages written for a generalisation probe (not the fixtures): pagination links on their own,
    // separators between items, a copyright footer, a newsletter's e-mail field
    'Next >',
    'Siguiente »',
    '« Previous',
    'Page 1 of 6 | Next >',
    'Página 1 de 8   Siguiente »',
    'Ver más noticias',
    'Share this page',
    '---',
    '* * *',
    '___',
    '• • •',
    '© 2019 International Organization for Migration. All rights reserved.',
    'Copyright 2019 IOM',
    'Enter your email address',
    'This website uses cookies. By continuing to browse, you agree to our use of cookies.',
    'We use cookies to improve your experience. Cookie settings | Accept all',
    'Este sitio utiliza cookies para mejorar su experiencia.',
    // a second probe's pages
    'Load more stories',
    '« First ‹ Previous 1 2 3 4 5 … Next › Last »',
    '‹ previous   page 1 of 3   next ›',
    'Suscríbase a nuestro boletín',
    'Follow us: Facebook | Twitter | YouTube',
    'Privacy policy | Terms of use | Sitemap',
    'References',
    'Categories',
    'Tags',
    '2 Comments',
    '1 Comment',
    'Did you find what you were looking for? Yes | No',
    'By Ana López, IOM Guatemala',
    'By IOM Staff, San José',
  ])('calls "%s" page furniture', (line) => {
    expect(classifyLine(line)).toBe('furniture');
  });

  it.each([
    'Next steps for migrant children in Chiapas',
    'Copyright and migration: who owns a story?',
    'Page 3 of the report',
    'We met migrants who had crossed the border on foot; no one spoke of cookies.',
    'We baked cookies with migrant children in Tapachula',
    'By Boat To Mexico, Migrants Risk Their Lives',
    'By Sea, Hundreds Reach Panama',
    'By Bus, Hundreds Return Home',
    'Privacy for victims of trafficking',
    '3 Comments on the new migration law',
    '— a dash alone is a line with no words',
  ])('still calls "%s" text, not furniture', (line) => {
    expect(classifyLine(line)).not.toBe('furniture');
  });

  it.each(['English', 'Español', 'Spanish', 'En español', 'In English', 'EN', 'ES'])(
    'calls "%s" a language marker',
    (line) => {
      expect(classifyLine(line)).toBe('marker');
    },
  );

  it.each([
    '5 December, 2018',
    '5 de diciembre de 2018',
    '17 / 08 / 2021',
    '23 July, 2021',
    'Thursday, 5 December 2018',
    'Publicado el 5 de diciembre de 2018',
    // a byline beside the date (a generalisation probe's pages: the date was lost as furniture)
    'Posted on June 5th, 2019 by IOM Mesoamerica',
    'June 5, 2019 by Jorge Gallo',
    'By Jorge Gallo | June 5, 2019',
    '5 de junio de 2019 por OIM',
    // a search result's label (a second probe's pages: the date was joined onto the title)
    'News · 14 February 2019',
    'Noticias | 14 febrero 2019',
    'Press release – 5 March 2019',
  ])('calls "%s" a date line', (line) => {
    expect(classifyLine(line)).toBe('date');
  });

  // a label or a byline beside a date must not take a title that holds a date (review of the round)
  it.each([
    'Update – 5 November 2018',
    'News – 5 March 2019 marks a turning point',
    'Migrants Rescued on June 5, 2019 by the Navy',
    'By Sea, 5 March 2019',
  ])('still calls "%s" text, not a date line', (line) => {
    expect(classifyLine(line)).toBe('text');
  });

  it('leaves titles, tag lines and headings as text, whatever their words', () => {
    for (const line of [
      'Read More About Migrant Rights: IOM Launches a Guide',
      'Belize, Costa Rica, El Salvador, Guatemala',
      'Nicaragua',
      'Home Visits Help Returned Children in Honduras',
      'Shared Borders, Shared Responsibilities',
      'By the Numbers: Migration in Central America',
      'By Boat To Mexico',
      'By Land And Sea: Families Cross The Darién',
      'Por una migración segura',
      'Learn More About Safe Migration in Our New Campaign',
      'The Next Page in the History of Migration Governance',
    ])
      expect(classifyLine(line), line).toBe('text');
  });
});

describe('parseLabelledDate', () => {
  it('reads a weekday or a label before the date, and nothing else', () => {
    expect(parseLabelledDate('Thursday, 5 December 2018')).toBe('2018-12-05');
    expect(parseLabelledDate('jueves 5 de diciembre de 2018')).toBe('2018-12-05');
    expect(parseLabelledDate('Posted on December 5, 2018')).toBe('2018-12-05');
    expect(parseLabelledDate('Thursday, the meeting began')).toBeNull();
    expect(parseLabelledDate('5 December, 2018')).toBe('2018-12-05');
  });

  it('reads a time or a lone separator after the date, and the forms 5-Dec-2018 and 2018/12/05', () => {
    expect(parseLabelledDate('5 December, 2018 - 10:00')).toBe('2018-12-05');
    expect(parseLabelledDate('Wed, 5 December 2018, 3:30 pm')).toBe('2018-12-05');
    expect(parseLabelledDate('5 de diciembre de 2018 | 10:00 h')).toBe('2018-12-05');
    expect(parseLabelledDate('5 December, 2018 |')).toBe('2018-12-05');
    expect(parseLabelledDate('5-Dec-2018')).toBe('2018-12-05');
    expect(parseLabelledDate('2018/12/05')).toBe('2018-12-05');
    expect(parseLabelledDate('Agenda 2030 - 10:00')).toBeNull();
    expect(parseLabelledDate('5-Agenda-2030')).toBeNull();
  });

  it('reads all-numeric dates month first when told the page writes them so', () => {
    expect(parseLabelledDate('03/08/2017')).toBe('2017-08-03');
    expect(parseLabelledDate('03/08/2017', 'month-first')).toBe('2017-03-08');
    expect(parseLabelledDate('Wed, 03/15/2017', 'month-first')).toBe('2017-03-15');
    expect(parseLabelledDate('Wed, 03/15/2017')).toBeNull();
  });
});

describe('describeText', () => {
  it('reads a short line with no full stop as a title', () => {
    const s = describeText('IOM Trains Nurses in Guatemala on Mental Health Care for Returned Migrants');
    expect([s.titleLike, s.paragraphLike]).toEqual([true, false]);
    expect(
      describeText('The Migration Governance Framework—What is it, and how can it contribute to my work?').titleLike,
    ).toBe(true);
    expect(describeText('MigrantApp - Effective Communication with Migrants Before and During Crisis').titleLike).toBe(
      true,
    );
  });

  it('reads a short text asking a question and going on, with no final stop, as a title', () => {
    expect(describeText('Should Migrants Be Detained? Alternatives to Detention Discussed in Mexico').titleLike).toBe(
      true,
    );
    expect(describeText('Why do they leave? Most say that there is no work.').paragraphLike).toBe(true);
    expect(describeText('Why do they leave? Most say that there is no work').titleLike).toBe(true);
  });

  it('reads a text cut off mid-sentence as a paragraph, a short one or a title ending in a name as a title', () => {
    expect(describeText('Thirty consuls took part in a course organized with the support of').paragraphLike).toBe(true);
    expect(describeText('Migrants in transit receive food, water and').paragraphLike).toBe(true);
    expect(describeText('Costa Rica Trains Consular Staff on Assistance to Victims').titleLike).toBe(true);
    expect(describeText('Plan de la').titleLike).toBe(true);
  });

  it('reads a sentence, a sentence break or a long dateline opening as a paragraph', () => {
    expect(describeText('The training is part of a programme.').paragraphLike).toBe(true);
    expect(describeText('Belize City. Twenty-five shelter managers took part').paragraphLike).toBe(true);
    expect(
      describeText(
        'Mexico City - Federal, state and municipal authorities in Mexico opened new temporary shelters in Tijuana and Mexicali this week',
      ).paragraphLike,
    ).toBe(true);
  });

  it('finds the place of a dateline', () => {
    expect(describeText('San José, Costa Rica. Representatives met.').dateline).toBe('San José, Costa Rica');
    expect(describeText('Mexico City - Federal authorities opened shelters.').dateline).toBe('Mexico City');
    expect(describeText('Tegucigalpa / Guatemala City – Two weeks after Hurricane Iota.').dateline).toBe(
      'Tegucigalpa / Guatemala City',
    );
    expect(describeText('IOM. A new guide.').dateline).toBeNull();
  });

  it('recognises a list of names (a tag line) by its shape', () => {
    expect(describeText('Belize, Costa Rica, El Salvador, Guatemala').nameList).toBe(true);
    expect(describeText('Antigua y Barbuda, Dominica, Jamaica, República Dominicana').nameList).toBe(true);
    expect(describeText('Nicaragua and Costa Rica Discuss Binational Labour Migration Agreement').nameList).toBe(false);
  });
});

describe('describeText and abbreviations', () => {
  it('reads a title with an abbreviation in it as a title', () => {
    expect(describeText('Caribbean Ministers Meet in St. Kitts to Discuss Free Movement').titleLike).toBe(true);
    expect(describeText('U.S. Government Funds New Reception Centre in Honduras').titleLike).toBe(true);
    expect(describeText('Gen. Secretary of SICA Visits the Border Post at Peñas Blancas').titleLike).toBe(true);
  });

  it('still sees the sentence break after an ordinary word', () => {
    expect(describeText('Officials met in St. Kitts. They agreed on a plan').paragraphLike).toBe(true);
  });
});
