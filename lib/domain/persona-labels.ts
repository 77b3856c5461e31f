/**
 * Words for the values persona rules use, so an explanation reads "C-level" and
 * "webinars or case studies", not `c_level` and `webinar/case_study`. A value
 * Leadlight does not know is shown exactly as written.
 */

const SENIORITY: Readonly<Record<string, string>> = {
  c_level: 'C-level',
  vp: 'VP',
  director: 'Director',
  manager: 'Manager',
  individual_contributor: 'Individual contributor',
};

const DEPARTMENT: Readonly<Record<string, string>> = {
  it: 'IT',
  hr: 'HR',
  data: 'Data',
  engineering: 'Engineering',
  operations: 'Operations',
  finance: 'Finance',
  marketing: 'Marketing',
  sales: 'Sales',
  executive: 'Executive management',
};

const INDUSTRY: Readonly<Record<string, string>> = {
  logistics: 'Logistics',
  manufacturing: 'Manufacturing',
  retail: 'Retail',
  consumer_goods: 'Consumer goods',
  financial_services: 'Financial services',
  healthcare: 'Healthcare',
  software: 'Software',
  technology: 'Technology',
  insurance: 'Insurance',
  energy: 'Energy',
  education: 'Education',
};

const ASSET_PLURALS: Readonly<Record<string, string>> = {
  email: 'emails',
  webinar: 'webinars',
  whitepaper: 'whitepapers',
  ebook: 'e-books',
  ad: 'ads',
  event: 'events',
  web_page: 'web pages',
  form: 'forms',
  case_study: 'case studies',
};

const word = (known: Readonly<Record<string, string>>) => (value: string) => known[value.trim().toLowerCase()] ?? value;

export const seniorityWord = word(SENIORITY);
export const departmentWord = word(DEPARTMENT);
export const industryWord = word(INDUSTRY);
export const assetTypesWord = word(ASSET_PLURALS);

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * A count with thousands separators ("5,000"). One formatter for all: toLocaleString
 * builds a new one on every call, and persona matching on the sidebar's lookup path
 * called it for every size rule of every persona.
 */
let count: Intl.NumberFormat | undefined;
export const countWords = (v: number) => (count ??= new Intl.NumberFormat('en-US')).format(v);

/** "500 or more employees", "up to 50 employees", "200 to 5,000 employees". */
export function sizeRangeWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${countWords(min)} to ${countWords(max)} employees`;
  if (min !== undefined) return `${countWords(min)} or more employees`;
  if (max !== undefined) return `up to ${countWords(max)} employees`;
  return 'any number of employees';
}
