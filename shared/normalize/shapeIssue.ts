import type * as z from "zod/mini";
import { fieldName } from "../settings";

/**
 * The field and the problem of the first issue of a failed event parse, for `EventError`.
 * @example describeShapeIssue(<start.dateTime is a number>) → ["start.dateTime", "must be a string"]
 */
export const describeShapeIssue = (error: z.core.$ZodError): [field: string, problem: string] => {
  const issue = error.issues[0];
  if (!issue) return ["event", "is malformed"];
  const field = fieldName(issue.path) || "event";
  if (issue.code === "invalid_type") return [field, `must be ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "a list" : `a ${issue.expected}`}`];
  return [field, issue.message];
};
