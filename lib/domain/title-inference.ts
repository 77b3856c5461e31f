/**
 * Seniority and department read from a job title, for records whose source has
 * only the title (most CRM exports). Values use the same picklist words as the
 * demo data and the personas ("vp", "operations"), and the first pattern that
 * fits wins, so "VP Finance" is a VP, not a manager.
 */
const SENIORITY: [RegExp, string][] = [
  [/\b(chief|ceo|cfo|cto|cio|coo|cmo|ciso|cdo|cro|founder|co-founder|president|owner|managing director)\b/i, 'c_level'],
  [/\b(vp|svp|evp|avp|vice president)\b/i, 'vp'],
  [/\b(director|head of)\b/i, 'director'],
  [/\b(manager|supervisor|team lead|controller)\b/i, 'manager'],
  [
    /\b(engineer|analyst|scientist|specialist|developer|associate|coordinator|consultant|administrator|architect|executive|partner|representative|assistant)\b/i,
    'individual_contributor',
  ],
];

const DEPARTMENT: [RegExp, string][] = [
  [/\b(ceo|founder|co-founder|president|owner|managing director|general manager)\b/i, 'executive'],
  [/\b(cfo|finance|financial|controller|accounting|accountant|treasury|fp&a)\b/i, 'finance'],
  [/\b(cio|ciso|it|chief information|information technology|infrastructure|security|systems|network)\b/i, 'it'],
  [/\b(data|analytics|analyst|bi|business intelligence)\b/i, 'data'],
  [/\b(cto|engineering|engineer|developer|software)\b/i, 'engineering'],
  [/\b(coo|operations|supply chain|logistics|procurement|warehouse|fulfilment|fulfillment)\b/i, 'operations'],
  [/\b(cmo|marketing|growth|demand generation|content)\b/i, 'marketing'],
  [/\b(cro|sales|account executive|business development|revenue)\b/i, 'sales'],
  [/\b(hr|human resources|people|talent|recruiting)\b/i, 'hr'],
];

const first = (title: string, table: [RegExp, string][]) => table.find(([re]) => re.test(title))?.[1];

/** The seniority a title implies, or undefined when it says nothing clear. */
export function seniorityFromTitle(title: string | undefined): string | undefined {
  return title ? first(title, SENIORITY) : undefined;
}

/** The department a title implies, or undefined when it says nothing clear. */
export function departmentFromTitle(title: string | undefined): string | undefined {
  return title ? first(title, DEPARTMENT) : undefined;
}
