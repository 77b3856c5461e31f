import { describe, expect, it } from 'vitest';
import { departmentFromTitle, departmentId, seniorityFromTitle, seniorityId } from '@/lib/domain/title-inference';

// Expected values are Leadlight's picklist ids, as the personas and the demo data use them.
describe('seniority and department read from a job title', () => {
  it.each([
    ['Vice President of Operations', 'vp', 'operations'],
    ['Senior Vice President, Finance', 'vp', 'finance'],
    ['Associate Vice President IT', 'vp', 'it'],
    ['Vice-President Supply Chain', 'vp', 'operations'],
    ['President', 'c_level', 'executive'],
    ['President & CEO', 'c_level', 'executive'],
  ])('a vice president is a VP, not a president: %s', (title, seniority, department) => {
    expect(seniorityFromTitle(title)).toBe(seniority);
    expect(departmentFromTitle(title)).toBe(department);
  });

  it('reads a business owner as C-level, a product or process owner as the role it is', () => {
    expect(seniorityFromTitle('Owner')).toBe('c_level');
    expect(seniorityFromTitle('Co-Owner')).toBe('c_level');
    expect(departmentFromTitle('Owner')).toBe('executive');
    for (const title of ['Product Owner', 'Senior Product Owner', 'Process Owner']) {
      expect(seniorityFromTitle(title), title).toBe('individual_contributor');
      expect(departmentFromTitle(title), title).toBeUndefined();
    }
  });

  it('reads an assistant to the CEO as an assistant in the executive office', () => {
    expect(seniorityFromTitle('Executive Assistant to the CEO')).toBe('individual_contributor');
    expect(departmentFromTitle('Executive Assistant to the CEO')).toBe('executive');
    expect(seniorityFromTitle('Assistant to CFO')).toBe('individual_contributor');
  });

  it('reads partners who own the firm as C-level, a partner manager as a manager', () => {
    for (const title of ['Managing Partner', 'Senior Partner', 'Founding Partner', 'Managing Partner of Quiet Partners'])
      expect(seniorityFromTitle(title), title).toBe('c_level');
    expect(seniorityFromTitle('Senior Partner Manager')).toBe('manager');
    expect(seniorityFromTitle('HR Business Partner')).toBe('individual_contributor');
  });

  it.each([
    ['Chief Technology Officer', 'CTO', 'engineering'],
    ['Chief Executive Officer', 'CEO', 'executive'],
    ['Chief Operating Officer', 'COO', 'operations'],
    ['Chief Financial Officer', 'CFO', 'finance'],
    ['Chief Information Officer', 'CIO', 'it'],
  ])('gives %s the department of %s', (spelled, abbreviated, department) => {
    expect(departmentFromTitle(spelled)).toBe(department);
    expect(departmentFromTitle(abbreviated)).toBe(department);
    expect(seniorityFromTitle(spelled)).toBe('c_level');
  });
});

describe('recorded picklist values read as Leadlight ids', () => {
  it('keeps Leadlight’s own keys, in any case', () => {
    expect(seniorityId('VP')).toBe('vp');
    expect(seniorityId('C-Level')).toBe('c_level');
    expect(departmentId('IT')).toBe('it');
    expect(departmentId('Executive')).toBe('executive');
  });

  it('reads everyday words as a title would', () => {
    expect(seniorityId('Vice President')).toBe('vp');
    expect(seniorityId('Director')).toBe('director');
    expect(departmentId('Information Technology')).toBe('it');
    expect(departmentId('Human Resources')).toBe('hr');
  });

  it('reads a seniority level by what it means on a picklist, not in a title', () => {
    expect(seniorityId('Executive')).toBe('c_level');
    expect(seniorityId('Non-Manager')).toBe('individual_contributor');
  });

  it('keeps a value it does not know as written', () => {
    expect(seniorityId('Guild Master')).toBe('Guild Master');
    expect(departmentId('Legal')).toBe('Legal');
  });
});
