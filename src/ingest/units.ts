/**
 * Units of figures as seeds write them ("CNY billion", "USD million", "%", "count",
 * "million users"), read from the words a text uses (yuan, RMB, 亿元, US dollars, $, €,
 * percent …), and the multiplier that turns a value into plain units, for comparing figures.
 */

const CURRENCY: [RegExp, string][] = [
  [/^(?:us\s?\$|usd|u\.s\.\s*dollars?|us\s*dollars?|dollars?|\$|美元)$/i, 'USD'],
  [/^(?:yuan|rmb|cny|renminbi|¥|￥|元)$/i, 'CNY'],
  [/^(?:eur|euros?|€)$/i, 'EUR'],
  [/^(?:gbp|pounds?|£)$/i, 'GBP'],
  [/^(?:jpy|yen)$/i, 'JPY'],
];

const SCALE: Record<string, [string, number]> = {
  trillion: ['trillion', 1e12], tn: ['trillion', 1e12], billion: ['billion', 1e9], bn: ['billion', 1e9], million: ['million', 1e6],
  mn: ['million', 1e6], thousand: ['thousand', 1e3], k: ['thousand', 1e3], 万亿: ['trillion', 1e12], 亿: ['100 million', 1e8],
  千万: ['10 million', 1e7], 百万: ['million', 1e6], 万: ['10 thousand', 1e4], 千: ['thousand', 1e3],
};

export function currencyOf(word: string): string | undefined {
  return CURRENCY.find(([re]) => re.test(word.trim()))?.[1];
}

export function scaleOf(word: string | undefined): [string, number] | undefined {
  return word ? SCALE[word.toLowerCase().trim()] : undefined;
}

/** "CNY billion" from currency and scale words. */
export function unitFrom(currency: string, scale?: string): string {
  const s = scaleOf(scale)?.[0];
  return s ? `${currency} ${s}` : currency;
}

/** The multiplier of a seed-style unit: "CNY billion" → 1e9, "%" → 1, "million users" → 1e6. */
export function multiplierOf(unit: string): number {
  for (const word of unit.split(/\s+/).reverse()) {
    if (/^100$/.test(word)) continue;
    const scale = SCALE[word.toLowerCase()];
    if (scale) return unit.includes('100 million') ? 1e8 : unit.includes('10 thousand') ? 1e4 : scale[1];
  }
  return 1;
}

/** What a unit measures, so that 25 (USD billion) never matches 25 (%). */
export function dimensionOf(unit: string): string {
  const currency = /^(USD|CNY|EUR|GBP|JPY)\b/.exec(unit)?.[1];
  if (currency) return currency;
  if (unit === '%') return '%';
  return 'count';
}

/** "1,234.5" → 1234.5; Chinese and full-width digits are read too. */
export function parseNumber(text: string): number {
  const ascii = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/,(?=\d{3}\b)/g, '');
  return Number(ascii);
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};

export function wordNumber(word: string): number | undefined {
  return WORD_NUMBERS[word.toLowerCase()];
}
export const WORD_NUMBER_PATTERN = Object.keys(WORD_NUMBERS).join('|');
