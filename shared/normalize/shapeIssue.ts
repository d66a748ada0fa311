import type * as z from "zod/mini";
import { fieldName } from "../settings/settings";

/** The value at a path of the raw input, or undefined. */
const at = (raw: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, key) => (typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), raw);

/**
 * The field and the problem of the first issue of a failed event parse, for `EventError`.
 * @example describeShapeIssue(<start.dateTime is a number>, raw) → ["start.dateTime", "must be a string"]
 * @example describeShapeIssue(<start absent>, raw) → ["start", "is missing"]
 */
export const describeShapeIssue = (error: z.core.$ZodError, raw: unknown): [field: string, problem: string] => {
  const issue = error.issues[0];
  if (!issue) return ["event", "is malformed"];
  const field = fieldName(issue.path) || "event";
  if (issue.code === "invalid_type") {
    if (issue.path.length > 0 && at(raw, issue.path) === undefined) return [field, "is missing"];
    return [field, `must be ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "a list" : `a ${issue.expected}`}`];
  }
  return [field, issue.message];
};
