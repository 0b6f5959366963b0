import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { SyncError } from '../errors';

/** VIS credentials, sent as attributes of `<Requests>` as the VIS documentation shows. */
export interface VisCredentials {
  username: string;
  password: string;
}

/** One VIS request: its Type, the Fields wanted, a number or a filter. */
export interface VisRequestSpec {
  type: 'GetBeachTournamentList' | 'GetBeachTournament' | 'GetBeachMatchList' | 'GetBeachMatch';
  fields: readonly string[];
  no?: string;
  filter?: Record<string, string>;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
});

/** The `<Requests>` XML of one request. */
export function visRequestXml(spec: VisRequestSpec, credentials?: VisCredentials): string {
  const request: Record<string, unknown> = {
    '@_Type': spec.type,
    '@_Fields': spec.fields.join(' '),
  };
  if (spec.no !== undefined) request['@_No'] = spec.no;
  if (spec.filter) {
    request.Filter = Object.fromEntries(Object.entries(spec.filter).map(([k, v]) => [`@_${k}`, v]));
  }
  const root: Record<string, unknown> = { Request: request };
  if (credentials) {
    root['@_Username'] = credentials.username;
    root['@_Password'] = credentials.password;
  }
  return builder.build({ Requests: root }) as string;
}

const LISTS = new Set(['BeachTournaments.BeachTournament', 'BeachMatches.BeachMatch']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
});

/** Parses a VIS answer; anything that is not well-formed XML is a VALIDATION error. */
export function parseVisXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new SyncError(
      'VALIDATION',
      `malformed VIS XML (line ${valid.err.line}): ${valid.err.msg}`,
    );
  }
  return parser.parse(text) as Record<string, unknown>;
}
