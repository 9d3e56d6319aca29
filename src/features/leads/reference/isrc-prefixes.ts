/**
 * ISRC first elements ("country codes") that are not, or not only, ISO 3166-1 country codes.
 *
 * The first two characters of an ISRC come from the ISO 3166 country code table, but the ISRC
 * agencies also allocate extra prefixes when a country runs short of registrant codes, and the
 * International ISRC Registration Authority keeps a few for itself. A prefix that is neither an
 * ISO country nor listed here is still accepted (the syntax only asks for two letters); `parseIsrc`
 * then adds a warning.
 *
 * Source / as of: IFPI "ISRC Valid Characters" list of allocated prefixes (isrc.ifpi.org, the
 * 2023-02-08 edition as tabulated by the py-iso3901 project) and the US ISRC Agency (usisrc.org,
 * 2024: US, QM, QZ, and QT for new US registrants). To maintain: add a prefix with the agency that
 * allocates it when IFPI publishes a new one.
 */
export const ISRC_SPECIAL_PREFIXES: Readonly<Record<string, string>> = {
  QM: 'United States (US ISRC Agency)',
  QT: 'United States (US ISRC Agency)',
  QZ: 'United States (US ISRC Agency)',
  UK: 'United Kingdom (PPL)',
  GX: 'United Kingdom (PPL)',
  BC: 'Brazil (Pro-Música Brasil)',
  BK: 'Brazil (Pro-Música Brasil)',
  BP: 'Brazil (Pro-Música Brasil)',
  BX: 'Brazil (Pro-Música Brasil)',
  CB: 'Canada (Connect)',
  FX: 'France (SCPP)',
  ZB: 'South Africa (RISA)',
  KS: 'South Korea (KMCA)',
  CP: 'International ISRC Registration Authority',
  DG: 'International ISRC Registration Authority',
  QN: 'International ISRC Registration Authority',
  ZZ: 'International ISRC Registration Authority',
  // Also the ISO code of the Turks and Caicos Islands.
  TC: 'TuneCore (allocated by the International ISRC Registration Authority)',
  CS: 'Serbia and Montenegro (allocated before 2006)',
  YU: 'Yugoslavia (allocated before 2003)',
};
