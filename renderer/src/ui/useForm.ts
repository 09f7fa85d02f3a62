import { useCallback, useRef, useState } from 'react';
import type { Outcome } from '../store';

export interface FormState {
  readonly saving: boolean;
  readonly errors: Readonly<Record<string, string>>;
  setErrors(errors: Record<string, string>): void;
  /** Run a save; shows the field errors it returns and ignores repeats while saving. */
  submit<T>(save: () => Promise<Outcome<T>>): Promise<Outcome<T> | null>;
}

export function useForm(): FormState {
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const busy = useRef(false);
  const submit = useCallback(async <T,>(save: () => Promise<Outcome<T>>) => {
    if (busy.current) return null;
    busy.current = true;
    setSaving(true);
    setErrors({});
    try {
      const outcome = await save();
      if (!outcome.ok) setErrors({ ...(outcome.error.fields ?? {}) });
      return outcome;
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, []);
  return { saving, errors, setErrors, submit };
}
