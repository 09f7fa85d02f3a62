import { Field } from '../ui/Field';
import { sectionLabel, type SectionNode } from './tree';

interface SectionSelectProps {
  readonly label: string;
  readonly error: string | undefined;
  readonly value: string;
  readonly onChange: (sectionId: string) => void;
  /** The first option, meaning "no section". */
  readonly emptyLabel: string;
  readonly options: readonly SectionNode[];
}

/** A section picker that shows the tree by indenting children. */
export function SectionSelect({ label, error, value, onChange, emptyLabel, options }: SectionSelectProps) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select {...control} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{emptyLabel}</option>
          {options.map(({ section, depth }) => (
            <option key={section.id} value={section.id}>
              {'\u3000'.repeat(depth)}
              {sectionLabel(section)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
