/** The statuses of a measurement (FHIR Observation.status). */
export const MEASUREMENT_STATUSES = ['final', 'amended', 'entered-in-error'] as const;
/** A measurement's status. */
export type MeasurementStatus = (typeof MEASUREMENT_STATUSES)[number];
/** Who gave the value. */
export const SOURCES = ['client-report', 'clinician-rated', 'observer'] as const;

/** The value part of a measurement, kept in its history when amended. */
export interface MeasuredValue {
  readonly responses: readonly (number | null)[] | null;
  /**
   * The total (prorated where the instrument allows), or null when too many items are missing to
   * score it: such a measurement is kept because it answers a risk item (flag `unscored`), and it
   * counts in no score, goal or change — only in the risk alerts.
   */
  readonly score: number | null;
  readonly band: string | null;
  readonly flags: readonly string[];
}

/** A score on an instrument, or a value of an indicator, taken at a moment. */
export interface Measurement extends MeasuredValue {
  readonly id: string;
  readonly status: MeasurementStatus;
  readonly instrumentId: string | null;
  readonly indicator: string | null;
  readonly takenAt: string;
  readonly source: (typeof SOURCES)[number];
  readonly goalIds: readonly string[];
  readonly recordedAt: string;
  /** Earlier values, oldest first, each with when and why it was replaced. */
  readonly history: readonly (MeasuredValue & { readonly replacedAt: string; readonly reason: string })[];
  readonly statusReason: string | null;
}

/** How often an instrument or indicator should be measured. */
export interface MonitoringSchedule {
  readonly instrumentId: string | null;
  readonly indicator: string | null;
  readonly everyDays: number;
  readonly startDate: string;
}

/** The flag of a measurement kept without a total (too many items missing) because it answers a risk item. */
export const UNSCORED = 'unscored';

/** The data of a `monitoringScheduleSet` event. */
export interface MonitoringScheduleSetData {
  readonly schedule: MonitoringSchedule;
}

/** The data of a `measurementRecorded` event. */
export interface MeasurementRecordedData {
  readonly measurement: Omit<Measurement, 'status' | 'recordedAt' | 'history' | 'statusReason'>;
}

/** The data of a `measurementAmended` event. */
export interface MeasurementAmendedData {
  readonly measurementId: string;
  readonly value: MeasuredValue;
}

/** The data of a `measurementVoided` event. */
export interface MeasurementVoidedData {
  readonly measurementId: string;
}
