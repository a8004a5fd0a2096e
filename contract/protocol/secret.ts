// A PIN travels only in the one command that needs it, and is never logged, stored or echoed.
// Every such field of the catalogue is declared with `secretField`, so the daemon lists their
// names from the schemas themselves (`secretFieldNames`) and redacts each: a new secret field is
// covered by being declared, not by someone remembering a list (`confirmation` once was missed).
import { z } from 'zod';

/** The schema of every field that carries a PIN. */
export const secretField = z.string().max(16);

/** The names of the fields, anywhere in these schemas, that are declared with `secretField`. */
export function secretFieldNames(schemas: Iterable<z.ZodType>): Set<string> {
  const names = new Set<string>();
  const visit = (schema: z.ZodType, depth: number): void => {
    if (depth > 8) return;
    if (schema instanceof z.ZodObject) {
      const shape: Readonly<Record<string, z.ZodType>> = schema.shape;
      for (const [key, field] of Object.entries(shape)) {
        if (field === secretField) names.add(key);
        else visit(field, depth + 1);
      }
    } else if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
      for (const option of schema.options as readonly z.ZodType[]) visit(option, depth + 1);
    } else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
      visit(schema.unwrap() as z.ZodType, depth + 1);
    } else if (schema instanceof z.ZodArray) {
      visit(schema.element as z.ZodType, depth + 1);
    }
  };
  for (const schema of schemas) visit(schema, 0);
  return names;
}
