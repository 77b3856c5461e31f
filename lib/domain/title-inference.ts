/**
 * Seniority and department read from a job title, for records whose source has
 * only the title (most CRM exports). Values use the same picklist words as the
 * demo data and the personas ("vp", "operations"), and the first pattern that
 * fits wins, so "VP Finance" is a VP, not a manager.
 */
const words = (alternatives: string) => new RegExp(String.raw`\b(?:${alternatives})\b`, 'i');

// A vice president is no president ("Vice President of Operations", "Vice-President Supply Chain").
const PRESIDENT = String.raw`(?<!vice[\s-]?)president`;
// "Owner" alone is the business owner; a product, process or data owner holds a role in someone else's company.
const OWNER = String.raw`(?<!\b(?:product|process|service|system|data|application|platform|solution|account|content|risk|control|technical)[\s-])owner`;
// Partners who own the firm; "Senior Partner Manager" manages the firm's partners.
const OWNING_PARTNER = String.raw`(?:managing|founding|general|equity|senior) partner(?![ -]+(?!of\b|at\b|and\b)[a-z])`;

const SENIORITY: [RegExp, string][] = [
  [
    words(`chief|ceo|cfo|cto|cio|coo|cmo|ciso|cdo|cro|founder|co-founder|${PRESIDENT}|${OWNER}|managing director|${OWNING_PARTNER}`),
    'c_level',
  ],
  [words(String.raw`vp|svp|evp|avp|vice[\s-]?president`), 'vp'],
  [words('director|head of'), 'director'],
  [words('manager|supervisor|team lead|controller'), 'manager'],
  [
    words(
      'engineer|analyst|scientist|specialist|developer|associate|coordinator|consultant|administrator|architect|executive|partner|representative|assistant|owner',
    ),
    'individual_contributor',
  ],
];

const DEPARTMENT: [RegExp, string][] = [
  [words(`ceo|chief executive|founder|co-founder|${PRESIDENT}|${OWNER}|managing director|general manager`), 'executive'],
  [words('cfo|finance|financial|controller|accounting|accountant|treasury|fp&a'), 'finance'],
  [words('cio|ciso|it|chief information|information technology|infrastructure|security|systems|network'), 'it'],
  [words('data|analytics|analyst|bi|business intelligence'), 'data'],
  [words('cto|chief technology|chief technical|engineering|engineer|developer|software'), 'engineering'],
  [words('coo|chief operating|operations|supply chain|logistics|procurement|warehouse|fulfilment|fulfillment'), 'operations'],
  [words('cmo|marketing|growth|demand generation|content'), 'marketing'],
  [words('cro|sales|account executive|business development|revenue'), 'sales'],
  [words('hr|human resources|people|talent|recruiting'), 'hr'],
];

// Whom the person serves, not what they are: "Executive Assistant to the CEO" is an assistant.
const SERVES = /\s+(?:to|for)\s+(?:the\s+)?\S.*$/i;

const first = (title: string, table: [RegExp, string][]) => table.find(([re]) => re.test(title))?.[1];

/** The seniority a title implies, or undefined when it says nothing clear. */
export function seniorityFromTitle(title: string | undefined): string | undefined {
  return title ? first(title.replace(SERVES, ''), SENIORITY) : undefined;
}

/** The department a title implies, or undefined when it says nothing clear. */
export function departmentFromTitle(title: string | undefined): string | undefined {
  return title ? first(title, DEPARTMENT) : undefined;
}

const key = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const SENIORITY_IDS = new Set(SENIORITY.map(([, id]) => id));
const DEPARTMENT_IDS = new Set(DEPARTMENT.map(([, id]) => id));

// Seniority picklists (CRMs, enrichment tools) name levels with words a title reads
// otherwise: an "Executive" level is the top, not an account executive; "Non-Manager" is no manager.
const SENIORITY_LEVELS: Readonly<Record<string, string>> = {
  executive: 'c_level',
  c_suite: 'c_level',
  cxo: 'c_level',
  partner: 'c_level',
  head: 'director',
  non_manager: 'individual_contributor',
  senior: 'individual_contributor',
  entry: 'individual_contributor',
  entry_level: 'individual_contributor',
  intern: 'individual_contributor',
};

/**
 * A recorded seniority in Leadlight's ids: its own key, a level a picklist names
 * ("Executive"), else what the words mean in a title ("Vice President" → vp);
 * a value none of these knows stays as written.
 */
export function seniorityId(value: string): string {
  return seniorityKey(value) ?? seniorityFromTitle(value) ?? value;
}

/**
 * A persona rule's seniority value in Leadlight's ids: its own key or a picklist level,
 * never read as a title ("Senior Manager" in a rule means that, not any manager).
 */
export function seniorityRuleId(value: string): string {
  return seniorityKey(value) ?? key(value);
}

function seniorityKey(value: string): string | undefined {
  const k = key(value);
  return SENIORITY_IDS.has(k) ? k : SENIORITY_LEVELS[k];
}

/** A recorded department in Leadlight's ids: its own key, else what the words mean in a title ("Information Technology" → it), else as written. */
export function departmentId(value: string): string {
  const k = key(value);
  if (DEPARTMENT_IDS.has(k)) return k;
  return departmentFromTitle(value) ?? value;
}
