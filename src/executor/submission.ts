import { isJsonValue } from '../fabric/index.js';
import type { Command, FabricModel, JsonValue } from '../fabric/index.js';
import { FABRIC_ERROR_CODES, FabricError } from '../util/fabric-error.js';
import type { ProcedureDefinition, ProcedureRegistry } from './procedure-definition.js';
import { PermanentStepError } from './procedure-definition.js';

/** What the caller supplies that the executor must not invent itself (it runs under the seed). */
export interface SubmitRequest {
  readonly name: string;
  readonly args: unknown;
  readonly requestId: string;
  /** The id the new procedure gets (the caller draws it: a UUID in production, seeded in the simulator). */
  readonly procedureId: string;
  readonly at: number;
  /** The leader's term: a submission from a superseded leader is refused by the model. */
  readonly term: number;
}

/** Either the procedure a retried request already started, or the submit command to commit. */
export type Submission =
  | { readonly kind: 'known'; readonly procedureId: string }
  | { readonly kind: 'submit'; readonly command: Command };

/**
 * Admission of a procedure: the name is registered, the arguments are JSON
 * and pass the definition's own checks, and the lock keys come from the
 * definition. A retried request finds its original procedure instead of
 * failing admission against the farm that procedure has since changed
 * (group.create twice).
 */
export function buildSubmission(
  registry: ProcedureRegistry,
  model: FabricModel,
  req: SubmitRequest,
): Submission {
  const def = registry.get(req.name);
  if (def === undefined) {
    throw new FabricError(
      'INVALID_ARGUMENT',
      `no procedure named ${JSON.stringify(req.name)}; registered: ${registry.names().join(', ')}`,
      { field: 'name' },
    );
  }
  const args = req.args;
  if (!isJsonValue(args)) {
    throw new FabricError('INVALID_ARGUMENT', 'procedure arguments must be JSON', {
      field: 'args',
    });
  }
  const known = model.procedureIdForRequest(req.requestId);
  if (known !== undefined) return { kind: 'known', procedureId: known };
  admit(def, args, req.at);
  return {
    kind: 'submit',
    command: {
      type: 'submit',
      requestId: req.requestId,
      procedureId: req.procedureId,
      name: req.name,
      args,
      lockKeys: lockKeysOf(def, args),
      steps: def.steps.map((s) => s.name),
      at: req.at,
      term: req.term,
    },
  };
}

function lockKeysOf(def: ProcedureDefinition, args: JsonValue): string[] {
  try {
    return def.lockKeys(args);
  } catch (e) {
    throw refusal(def, e);
  }
}

function admit(def: ProcedureDefinition, args: JsonValue, at: number): void {
  try {
    def.admit?.(args, at);
  } catch (e) {
    throw refusal(def, e);
  }
}

/** A refused submission keeps the step error's code when it is one of ours (GROUP_NOT_FOUND, …). */
function refusal(def: ProcedureDefinition, e: unknown): unknown {
  if (!(e instanceof PermanentStepError)) return e;
  const code = (FABRIC_ERROR_CODES as readonly string[]).includes(e.code)
    ? e.code
    : 'INVALID_ARGUMENT';
  return new FabricError(code, `${def.name}: ${e.message}`, {}, { cause: e });
}
