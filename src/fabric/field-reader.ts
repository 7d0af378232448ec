import { FabricError } from '../util/fabric-error.js';
import { cloneJson, isJsonValue, isPlainObject } from './json.js';
import type { JsonValue } from './json.js';

/**
 * Reads the fields of one decoded JSON object and refuses anything a
 * correct proposer could not have sent, naming the field by its path
 * ("command.effects[2].uuid"). `done()` refuses fields it did not read, so
 * a misspelt optional field is an error rather than silently ignored.
 *
 * @internal
 */
export class FieldReader {
  readonly #obj: Record<string, unknown>;
  readonly #path: string;
  readonly #read = new Set<string>();

  private constructor(obj: Record<string, unknown>, path: string) {
    this.#obj = obj;
    this.#path = path;
  }

  static of(v: unknown, path: string): FieldReader {
    if (!isPlainObject(v)) throw malformed(path, 'must be an object');
    return new FieldReader(v, path);
  }

  /** Present (and not undefined) in the object. */
  has(key: string): boolean {
    this.#read.add(key);
    return Object.hasOwn(this.#obj, key) && this.#obj[key] !== undefined;
  }

  str(key: string): string {
    const v = this.#get(key);
    if (typeof v !== 'string' || v === '') throw this.#bad(key, 'must be a non-empty string');
    return v;
  }

  /** A string that may be empty (descriptions, messages). */
  text(key: string): string {
    const v = this.#get(key);
    if (typeof v !== 'string') throw this.#bad(key, 'must be a string');
    return v;
  }

  nullableStr(key: string): string | null {
    return this.#get(key) === null ? null : this.str(key);
  }

  /** A safe integer >= min. */
  int(key: string, min = 0): number {
    const v = this.#get(key);
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
      throw this.#bad(key, `must be an integer >= ${min}`);
    return v;
  }

  /** Any number; range rules are the model's (they name the object). */
  num(key: string): number {
    const v = this.#get(key);
    if (typeof v !== 'number') throw this.#bad(key, 'must be a number');
    return v;
  }

  bool(key: string): boolean {
    const v = this.#get(key);
    if (typeof v !== 'boolean') throw this.#bad(key, 'must be true or false');
    return v;
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const v = this.#get(key);
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
      throw this.#bad(key, `must be one of ${values.join(', ')}`);
    return v as T;
  }

  /** A private copy: a caller mutating its object later cannot reach into the model. */
  json(key: string): JsonValue {
    const v = this.#get(key);
    if (!isJsonValue(v))
      throw this.#bad(key, 'must be a JSON value (finite numbers, bounded depth)');
    return cloneJson(v);
  }

  /** An array, with each element's path for nested readers. */
  list(key: string): { readonly value: unknown; readonly path: string }[] {
    const v = this.#get(key);
    if (!Array.isArray(v)) throw this.#bad(key, 'must be an array');
    return v.map((value: unknown, i) => ({ value, path: `${this.#path}.${key}[${i}]` }));
  }

  strList(key: string, minLength = 0): string[] {
    const items = this.list(key);
    if (items.length < minLength)
      throw this.#bad(key, `must have at least ${minLength} element(s)`);
    return items.map(({ value, path }) => {
      if (typeof value !== 'string' || value === '')
        throw malformed(path, 'must be a non-empty string');
      return value;
    });
  }

  obj(key: string): FieldReader {
    this.#get(key);
    return FieldReader.of(this.#obj[key], `${this.#path}.${key}`);
  }

  /** Refuses any field that was not read. */
  done(): void {
    const extra = Object.keys(this.#obj).find((k) => !this.#read.has(k));
    if (extra !== undefined) throw malformed(`${this.#path}.${extra}`, 'is not a known field');
  }

  #get(key: string): unknown {
    this.#read.add(key);
    if (!Object.hasOwn(this.#obj, key)) throw this.#bad(key, 'is missing');
    return this.#obj[key];
  }

  #bad(key: string, why: string): FabricError {
    return malformed(`${this.#path}.${key}`, why);
  }
}

/** The codec's one error: INVALID_ARGUMENT naming the field. */
export function malformed(field: string, why: string): FabricError {
  return new FabricError('INVALID_ARGUMENT', `fabric: malformed command: ${field} ${why}`, {
    field,
  });
}
