/**
 * The minimal FHIR R4 shapes this package emits. Written out here (instead of depending on a FHIR
 * types package) so that the published package needs nothing at run time beyond the core, and its
 * `.d.ts` files stand on their own. Every interface is a subset of the R4 resource of the same
 * name, so the JSON is plain R4. (Typings that narrow resource-type names to literal unions, such as
 * `@medplum/fhirtypes`, need a cast: here `Reference.type` and `subjectType` are plain strings.)
 */

/** An R4 `Expression` (the value of SDC's expression extensions). */
export interface Expression {
  /** A variable name (`[A-Za-z][A-Za-z0-9_]*`), for `variable` extensions. */
  name?: string;
  /** `text/fhirpath` here. */
  language: string;
  expression?: string;
  description?: string;
}

/** An R4 `Extension` with the value types this package uses. */
export interface Extension {
  url: string;
  valueDecimal?: number;
  valueCodeableConcept?: CodeableConcept;
  valueExpression?: Expression;
  valueString?: string;
  valueCode?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  extension?: Extension[];
}

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
  extension?: Extension[];
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  system?: string;
  value?: string;
}

/** A reference: literal (`reference`), logical (`identifier`) or a bare `display`. */
export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Annotation {
  text: string;
  time?: string;
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  profile?: string[];
  tag?: Coding[];
}

interface ResourceBase {
  id?: string;
  meta?: Meta;
  language?: string;
  extension?: Extension[];
}

export interface QuestionnaireAnswerOption {
  valueCoding: Coding;
  initialSelected?: boolean;
  extension?: Extension[];
}

export interface QuestionnaireItem {
  linkId: string;
  code?: Coding[];
  prefix?: string;
  text?: string;
  type: 'group' | 'display' | 'boolean' | 'decimal' | 'integer' | 'string' | 'text' | 'choice' | 'open-choice';
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  answerOption?: QuestionnaireAnswerOption[];
  item?: QuestionnaireItem[];
  extension?: Extension[];
}

export interface Questionnaire extends ResourceBase {
  resourceType: 'Questionnaire';
  url?: string;
  identifier?: Identifier[];
  version?: string;
  name?: string;
  title?: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  experimental?: boolean;
  subjectType?: string[];
  date?: string;
  publisher?: string;
  description?: string;
  purpose?: string;
  copyright?: string;
  code?: Coding[];
  item?: QuestionnaireItem[];
}

export interface QuestionnaireResponseAnswer {
  valueCoding?: Coding;
  valueInteger?: number;
  valueString?: string;
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

export type QuestionnaireResponseStatus = 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';

export interface QuestionnaireResponse extends ResourceBase {
  resourceType: 'QuestionnaireResponse';
  identifier?: Identifier;
  questionnaire?: string;
  status: QuestionnaireResponseStatus;
  subject?: Reference;
  authored?: string;
  author?: Reference;
  source?: Reference;
  item?: QuestionnaireResponseItem[];
}

export type ObservationStatus =
  | 'registered'
  | 'preliminary'
  | 'final'
  | 'amended'
  | 'corrected'
  | 'cancelled'
  | 'entered-in-error'
  | 'unknown';

export interface ObservationComponent {
  code: CodeableConcept;
  valueInteger?: number;
  interpretation?: CodeableConcept[];
}

export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  identifier?: Identifier[];
  status: ObservationStatus;
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject?: Reference;
  effectiveDateTime?: string;
  issued?: string;
  valueInteger?: number;
  valueQuantity?: { value: number; unit?: string; system?: string; code?: string };
  valueCodeableConcept?: CodeableConcept;
  dataAbsentReason?: CodeableConcept;
  interpretation?: CodeableConcept[];
  note?: Annotation[];
  method?: CodeableConcept;
  derivedFrom?: Reference[];
  component?: ObservationComponent[];
}

export interface RiskAssessmentPrediction {
  outcome?: CodeableConcept;
  qualitativeRisk?: CodeableConcept;
  rationale?: string;
}

export interface RiskAssessment extends ResourceBase {
  resourceType: 'RiskAssessment';
  identifier?: Identifier[];
  status: 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error' | 'unknown';
  method?: CodeableConcept;
  code?: CodeableConcept;
  subject: Reference;
  occurrenceDateTime?: string;
  basis?: Reference[];
  prediction?: RiskAssessmentPrediction[];
  mitigation?: string;
  note?: Annotation[];
}

export interface CodeSystemConcept {
  code: string;
  display?: string;
  definition?: string;
}

export interface CodeSystem extends ResourceBase {
  resourceType: 'CodeSystem';
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  publisher?: string;
  description?: string;
  caseSensitive?: boolean;
  content: 'not-present' | 'example' | 'fragment' | 'complete' | 'supplement';
  count?: number;
  concept?: CodeSystemConcept[];
}

/** A resource this package emits. */
export type PmhResource = Questionnaire | QuestionnaireResponse | Observation | RiskAssessment | CodeSystem;

export interface BundleEntryRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  ifNoneExist?: string;
}

export interface BundleEntry<R = PmhResource> {
  fullUrl?: string;
  resource?: R;
  request?: BundleEntryRequest;
}

export interface Bundle<R = PmhResource> {
  resourceType: 'Bundle';
  id?: string;
  meta?: Meta;
  identifier?: Identifier;
  type: 'document' | 'message' | 'transaction' | 'transaction-response' | 'batch' | 'batch-response' | 'history' | 'searchset' | 'collection';
  timestamp?: string;
  entry?: BundleEntry<R>[];
}
