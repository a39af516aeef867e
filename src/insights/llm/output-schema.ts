import { z } from 'zod';

export const SCHEMA_NAME = 'record_insights';

/** One insight as the model returns it: nothing here is trusted until grounded and cleaned. */
export const modelInsightSchema = z.object({
  headline: z.string().trim().min(1).max(300),
  text: z.string().trim().min(1).max(4000),
  quote: z.string().trim().min(1).max(2000),
  start_seconds: z.number().finite().nonnegative().nullish(),
  speaker: z.string().trim().max(200).nullish(),
});

export type ModelInsight = z.output<typeof modelInsightSchema>;

/** Items are checked one by one, so one bad item does not cost the whole answer. */
export const modelOutputSchema = z.object({ insights: z.array(z.unknown()).max(100) });

const nullable = (type: string, description: string) => ({ type: [type, 'null'], description });

/**
 * The same shape as JSON Schema for the providers. Strict mode (OpenAI) wants every property
 * required and no others, so optional fields are nullable instead.
 */
export const outputJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['insights'],
  properties: {
    insights: {
      type: 'array',
      description: 'The most valuable insights, best first.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['headline', 'text', 'quote', 'start_seconds', 'speaker'],
        properties: {
          headline: { type: 'string', description: 'At most 10 words, plain text.' },
          text: { type: 'string', description: 'One self-contained paragraph, plain text, no links.' },
          quote: { type: 'string', description: 'Words copied exactly from the transcript that support the insight.' },
          start_seconds: nullable('number', 'Time of the transcript line where the quote begins.'),
          speaker: nullable('string', 'Speaker of the quote as the transcript names them.'),
        },
      },
    },
  },
} as const;
