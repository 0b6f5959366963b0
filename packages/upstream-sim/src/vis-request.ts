import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

/** One `<Request>` of a VIS call. */
export interface VisRequest {
  type: string;
  fields: string[] | undefined;
  no: string | undefined;
  filter: Record<string, string>;
}

/** A parsed VIS call: credentials from `<Requests>` and its requests. */
export interface VisEnvelope {
  username?: string;
  password?: string;
  requests: VisRequest[];
}

const attrs = z.record(z.string(), z.unknown());
const requestSchema = z.looseObject({
  Type: z.string().min(1),
  Fields: z.string().optional(),
  No: z.string().optional(),
  Filter: z.union([attrs, z.literal('')]).optional(),
});
const envelopeSchema = z.union([
  z.object({
    Requests: z.looseObject({
      Username: z.string().optional(),
      Password: z.string().optional(),
      Request: z.array(requestSchema).min(1),
    }),
  }),
  z.object({ Request: z.array(requestSchema).min(1) }),
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'Request',
});

/** Parses the `Request` XML of a VIS call; throws with a message on anything malformed. */
export function parseVisEnvelope(text: string): VisEnvelope {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`malformed request XML: ${valid.err.msg}`);
  const parsed = envelopeSchema.safeParse(parser.parse(text));
  if (!parsed.success) throw new Error(`not a VIS request: ${parsed.error.issues[0]?.message}`);
  const root = 'Requests' in parsed.data ? parsed.data.Requests : parsed.data;
  const credentials: { Username?: string; Password?: string } =
    'Requests' in parsed.data ? parsed.data.Requests : {};
  return {
    username: credentials.Username,
    password: credentials.Password,
    requests: root.Request.map((r) => ({
      type: r.Type,
      fields: r.Fields?.split(/\s+/).filter(Boolean),
      no: r.No,
      filter:
        r.Filter && typeof r.Filter === 'object'
          ? Object.fromEntries(Object.entries(r.Filter).map(([k, v]) => [k, String(v)]))
          : {},
    })),
  };
}
