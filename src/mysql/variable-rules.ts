import { text } from './row-fields.js';
import type { Row } from './statement.js';
import type { ConfigProblem } from './types.js';

/**
 * One server variable a group member must have. `setting` is both the
 * variable's name and its column alias in the dialect's requirementsQuery.
 */
export interface VariableRule {
  readonly setting: string;
  /** A boolean variable: the server says 1/0, operators know ON/OFF. */
  readonly flag?: boolean;
  /** Receives the value as text (ON/OFF for flags). */
  readonly ok: (value: string) => boolean;
  readonly required: string;
  readonly fix: string;
}

/** The rules `row` breaks, phrased for an operator. */
export function variableProblems(row: Row, rules: readonly VariableRule[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const rule of rules) {
    const raw = text(row, rule.setting);
    const found = rule.flag === true ? onOff(raw) : raw === '' ? '(unset)' : raw;
    if (!rule.ok(found)) {
      problems.push({ setting: rule.setting, found, required: rule.required, fix: rule.fix });
    }
  }
  return problems;
}

function onOff(value: string): string {
  if (value === '1') return 'ON';
  if (value === '0') return 'OFF';
  return value === '' ? '(unset)' : value.toUpperCase();
}

export const isOn = (v: string): boolean => v.toUpperCase() === 'ON';
export const isRow = (v: string): boolean => v.toUpperCase() === 'ROW';
export const isNonZero = (v: string): boolean => /^\d+$/.test(v) && Number(v) !== 0;

/**
 * Why ROW is required, not merely recommended: fabric-ha promotes a replica
 * on the strength of its GTIDs, which only proves it applied the same
 * transactions. With statement-based logging (or MIXED's statement parts)
 * a non-deterministic statement can leave different rows behind the same
 * GTIDs, and a promotion would silently change the data.
 */
export const ROW_FORMAT_WHY =
  'ROW (statement-based replicas can hold different rows for the same GTIDs)';
