/**
 * Country reference data for the Leads module: the ISO 3166-1 alpha-2 codes and the Pacific
 * Islands of the default geography targets.
 *
 * Source / as of: ISO 3166-1 alpha-2, the 249 officially assigned codes (ISO 3166 Maintenance
 * Agency, 2025). Reserved and withdrawn codes (UK, EU, XK, YU, ZZ, ...) are not in the list.
 * Names come from the runtime's CLDR data (`Intl.DisplayNames`), in English.
 */

/** The 249 officially assigned ISO 3166-1 alpha-2 codes. */
export const ISO_3166_ALPHA2: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ ' +
    'BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR ' +
    'CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ' +
    'ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ ' +
    'LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
    'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
    'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI ' +
    'SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR ' +
    'TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/**
 * The Pacific Islands of the default geography targets (ISO 3166-1 alpha-2): Fiji, Samoa, Tonga,
 * Papua New Guinea, Solomon Islands, Vanuatu, Cook Islands, Niue, Tokelau, French Polynesia, New
 * Caledonia, Kiribati, Tuvalu, Nauru, Micronesia, Marshall Islands, Palau, American Samoa, Guam,
 * Northern Mariana Islands, Wallis and Futuna, Pitcairn. New Zealand and Australia are targets of
 * their own; Hawaii is part of the US (US) and scores as "other".
 */
export const PACIFIC_ISLANDS: readonly string[] = [
  'FJ',
  'WS',
  'TO',
  'PG',
  'SB',
  'VU',
  'CK',
  'NU',
  'TK',
  'PF',
  'NC',
  'KI',
  'TV',
  'NR',
  'FM',
  'MH',
  'PW',
  'AS',
  'GU',
  'MP',
  'WF',
  'PN',
];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** True when `code` (any case) is an officially assigned ISO 3166-1 alpha-2 code. */
export function isIsoCountry(code: string): boolean {
  return ISO_3166_ALPHA2.has(code.toUpperCase());
}

/** The English name of an ISO 3166-1 alpha-2 code ("NZ" → "New Zealand"); the code itself when unknown. */
export function countryName(code: string): string {
  const upper = code.toUpperCase();
  if (!ISO_3166_ALPHA2.has(upper)) return upper;
  return regionNames.of(upper) ?? upper;
}
