import type { Instrument } from './types.js';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const repeat = (n: number, values: readonly number[]): (readonly number[])[] => Array.from({ length: n }, () => values);

const NONE = { rule: 'none', maxMissing: 0 } as const;
const PRORATE_ONE = { rule: 'prorate', maxMissing: 1 } as const;

// The PHQ and GAD share one response scale. The first label is "Not at all" (often misprinted for
// the GAD-7 as "Not at all sure").
const FREQUENCY = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] as const;
// The LOINC answers of that scale (answer list LL358-3), by response value 0–3.
const FREQUENCY_ANSWERS = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'] as const;

const SELF_HARM = {
  item: 9,
  above: 0,
  code: 'self-harm-thoughts',
  message: 'PHQ-9 item 9 (thoughts of being better off dead or of self-harm) is above 0: needs immediate clinical attention',
} as const;

/**
 * The built-in instruments. Bands, thresholds and codes are published facts (see the Outcome
 * statistics guide for sources). Built on first use, not at import.
 */
export function builtInInstruments(): readonly Instrument[] {
  return [
    {
      id: 'phq9',
      name: 'Patient Health Questionnaire-9',
      items: repeat(9, range(0, 3)),
      range: { min: 0, max: 27 },
      responseLabels: FREQUENCY,
      betterIs: 'lower',
      bands: [
        { min: 0, max: 4, label: 'minimal' },
        { min: 5, max: 9, label: 'mild' },
        { min: 10, max: 14, label: 'moderate' },
        { min: 15, max: 19, label: 'moderately severe' },
        { min: 20, max: 27, label: 'severe' },
      ],
      caseness: 10,
      riskItems: [SELF_HARM],
      missing: PRORATE_ONE,
      loinc: {
        total: '44261-6',
        form: '44249-1',
        items: { 1: '44250-9', 2: '44255-8', 3: '44259-0', 4: '44254-1', 5: '44251-7', 6: '44258-2', 7: '44252-5', 8: '44253-3', 9: '44260-8' },
        answers: FREQUENCY_ANSWERS,
      },
      reliability: { value: 0.89, source: 'Kroenke, Spitzer & Williams 2001 (Cronbach α)' },
      norms: [{ population: 'NHS Talking Therapies completers at caseness', mean: 15.4, sd: 5.5, source: 'NHS Talking Therapies' }],
    },
    {
      id: 'phq2',
      name: 'Patient Health Questionnaire-2 (items 1–2 of the PHQ-9)',
      items: repeat(2, range(0, 3)),
      range: { min: 0, max: 6 },
      responseLabels: FREQUENCY,
      betterIs: 'lower',
      bands: [
        { min: 0, max: 2, label: 'negative screen' },
        { min: 3, max: 6, label: 'positive screen' },
      ],
      caseness: 3,
      riskItems: [],
      missing: NONE,
      loinc: { total: '55758-7', form: '55757-9', items: { 1: '44250-9', 2: '44255-8' }, answers: FREQUENCY_ANSWERS },
    },
    {
      id: 'gad7',
      name: 'Generalized Anxiety Disorder-7',
      items: repeat(7, range(0, 3)),
      range: { min: 0, max: 21 },
      responseLabels: FREQUENCY,
      betterIs: 'lower',
      bands: [
        { min: 0, max: 4, label: 'minimal' },
        { min: 5, max: 9, label: 'mild' },
        { min: 10, max: 14, label: 'moderate' },
        { min: 15, max: 21, label: 'severe' },
      ],
      caseness: 8,
      riskItems: [],
      missing: PRORATE_ONE,
      loinc: {
        total: '70274-6',
        form: '69737-5',
        items: { 1: '69725-0', 2: '68509-9', 3: '69733-4', 4: '69734-2', 5: '69735-9', 6: '69689-8', 7: '69736-7' },
        answers: FREQUENCY_ANSWERS,
      },
      reliability: { value: 0.89, source: 'Löwe et al. 2008, general population (Cronbach α)' },
      norms: [
        { population: 'general population, women', mean: 3.2, sd: 3.5, source: 'Löwe et al. 2008' },
        { population: 'general population, men', mean: 2.7, sd: 3.2, source: 'Löwe et al. 2008' },
        { population: 'NHS Talking Therapies completers at caseness', mean: 14.0, sd: 4.5, source: 'NHS Talking Therapies' },
      ],
      notes: 'Caseness 8 is the NHS Talking Therapies threshold. The first response label is "not at all".',
    },
    {
      id: 'gad2',
      name: 'Generalized Anxiety Disorder-2 (items 1–2 of the GAD-7)',
      items: repeat(2, range(0, 3)),
      range: { min: 0, max: 6 },
      responseLabels: FREQUENCY,
      betterIs: 'lower',
      bands: [
        { min: 0, max: 2, label: 'negative screen' },
        { min: 3, max: 6, label: 'positive screen' },
      ],
      caseness: 3,
      riskItems: [],
      missing: NONE,
    },
    {
      id: 'k10',
      name: 'Kessler Psychological Distress Scale (K10)',
      items: repeat(10, range(1, 5)),
      range: { min: 10, max: 50 },
      betterIs: 'lower',
      bands: [
        { min: 10, max: 15, label: 'low' },
        { min: 16, max: 21, label: 'moderate' },
        { min: 22, max: 29, label: 'high' },
        { min: 30, max: 50, label: 'very high' },
      ],
      riskItems: [],
      missing: NONE,
    },
    {
      id: 'audit',
      name: 'Alcohol Use Disorders Identification Test',
      items: [...repeat(8, range(0, 4)), [0, 2, 4], [0, 2, 4]],
      range: { min: 0, max: 40 },
      betterIs: 'lower',
      bands: [
        { min: 0, max: 7, label: 'zone I' },
        { min: 8, max: 15, label: 'zone II' },
        { min: 16, max: 19, label: 'zone III' },
        { min: 20, max: 40, label: 'zone IV' },
      ],
      riskItems: [],
      missing: NONE,
    },
    {
      id: 'pcl5',
      name: 'PTSD Checklist for DSM-5',
      items: repeat(20, range(0, 4)),
      range: { min: 0, max: 80 },
      betterIs: 'lower',
      bands: [
        { min: 0, max: 32, label: 'below threshold' },
        { min: 33, max: 80, label: 'probable PTSD' },
      ],
      caseness: 33,
      riskItems: [],
      missing: NONE,
      notes: 'Probable PTSD is reported from 31–33 in the literature; 33 is the default. Pass { casenessThreshold } to scoreInstrument to use another.',
    },
    {
      id: 'wsas',
      name: 'Work and Social Adjustment Scale',
      items: repeat(5, range(0, 8)),
      range: { min: 0, max: 40 },
      betterIs: 'lower',
      bands: [
        { min: 0, max: 9, label: 'subclinical' },
        { min: 10, max: 20, label: 'significant impairment' },
        { min: 21, max: 40, label: 'moderately severe or worse' },
      ],
      riskItems: [],
      missing: NONE,
    },
  ];
}
