/** The options of `intervention-lifecycle validate`. */
export interface CliOptions {
  readonly files: readonly string[];
  readonly format: 'text' | 'json';
  readonly quiet: boolean;
  readonly stdin: 'ndjson' | 'json';
  readonly maxRecordBytes: number;
  readonly maxEvents: number;
  /** A JSON file with the policy the records were made under (roles, modalities, windows). */
  readonly policyFile: string | null;
  /** A simulation scenario the records were made from: the policy its run registers. */
  readonly scenarioFile: string | null;
  readonly help: boolean;
}

/** Both name the policy the records were made under: one of them. */
export const POLICY_OR_SCENARIO = '--policy and --scenario both name the policy the records were made under: give one';

function positiveInt(name: string, value: string | undefined): number | string {
  const n = Number(value);
  return value !== undefined && /^\d+$/.test(value) && n > 0 ? n : `${name} needs a positive whole number, not "${value ?? ''}"`;
}

/** Parses the arguments after `validate`; a string is a usage error to print. */
export function parseArgs(args: readonly string[]): CliOptions | string {
  const files: string[] = [];
  let format: CliOptions['format'] = 'text';
  let stdin: CliOptions['stdin'] = 'ndjson';
  let quiet = false;
  let help = false;
  let maxRecordBytes = 50 * 1024 * 1024;
  let maxEvents = 100_000;
  let policyFile: string | null = null;
  let scenarioFile: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') return `--format takes text or json, not "${v ?? ''}"`;
        format = v;
        break;
      }
      case '--stdin': {
        const v = value();
        if (v !== 'ndjson' && v !== 'json') return `--stdin takes ndjson or json, not "${v ?? ''}"`;
        stdin = v;
        break;
      }
      case '--quiet':
      case '-q':
        quiet = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--max-record-bytes': {
        const n = positiveInt('--max-record-bytes', value());
        if (typeof n === 'string') return n;
        maxRecordBytes = n;
        break;
      }
      case '--max-events': {
        const n = positiveInt('--max-events', value());
        if (typeof n === 'string') return n;
        maxEvents = n;
        break;
      }
      case '--policy': {
        const v = value();
        if (v === undefined || v === '') return '--policy needs a JSON file';
        policyFile = v;
        break;
      }
      case '--scenario': {
        const v = value();
        if (v === undefined || v === '') return '--scenario needs a scenario file (JSON)';
        scenarioFile = v;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}"`;
        files.push(arg);
    }
  }
  if (!help && files.length === 0) return 'name at least one file, or - for standard input';
  if (policyFile !== null && scenarioFile !== null) return POLICY_OR_SCENARIO;
  return { files, format, quiet, stdin, maxRecordBytes, maxEvents, policyFile, scenarioFile, help };
}
