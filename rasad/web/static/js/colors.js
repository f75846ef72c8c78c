// Colours of the map dots (by event type) and of the evidence highlights (by field). Chosen to be
// distinguishable for common colour-vision deficiencies (Okabe-Ito based) and kept here, in one
// place, so the legend and the drawing can never disagree.

export const EVENT_TYPE_COLORS = {
  Battles: '#D55E00',
  'Explosions/Remote violence': '#E69F00',
  'Violence against civilians': '#CC79A7',
  Protests: '#009E73',
  Riots: '#8B5A2B',
  'Strategic developments': '#0072B2',
};
export const UNKNOWN_TYPE_COLOR = '#777777';

export function eventTypeColor(eventType) {
  return EVENT_TYPE_COLORS[eventType] || UNKNOWN_TYPE_COLOR;
}

// Highlight backgrounds: light enough that black text on them stays readable.
const FIELD_COLORS = {
  event_type: '#FFD8A8',
  sub_event_type: '#FFE8CC',
  actor1: '#FFC9C9',
  actor2: '#A5D8FF',
  assoc_actor_1: '#FCC2D7',
  assoc_actor_2: '#D0EBFF',
  location: '#B2F2BB',
  location_ar: '#B2F2BB',
  admin1: '#D3F9D8',
  admin2: '#D3F9D8',
  admin3: '#D3F9D8',
  event_date: '#FFF3BF',
  fatalities: '#FFA8A8',
  injuries: '#EEBEFA',
  weapons: '#D0BFFF',
  civilian_targeting: '#C5F6FA',
};
const SPARE_COLORS = ['#E9ECEF', '#C3FAE8', '#FFEC99', '#E5DBFF', '#FFDEEB', '#DBE4FF'];

export function fieldColor(field) {
  if (FIELD_COLORS[field]) return FIELD_COLORS[field];
  let hash = 0;
  for (const ch of String(field)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return SPARE_COLORS[hash % SPARE_COLORS.length];
}
