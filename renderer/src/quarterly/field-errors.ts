import type { ApiError } from '../../../shared/api';
import { entryFieldNames, type EntryFieldName, type FormErrors } from './entry-form';

/**
 * Field messages of a failed save, keyed by form field: the core names them `fields.percent`
 * (the argument path) or just `percent`.
 */
export function entryErrorsFrom(error: ApiError): FormErrors {
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const parts = path.split('.');
    const name = (parts[0] === 'fields' ? parts[1] : parts[0]) as EntryFieldName | undefined;
    if (name && entryFieldNames.includes(name) && errors[name] === undefined) errors[name] = message;
  }
  return errors;
}
