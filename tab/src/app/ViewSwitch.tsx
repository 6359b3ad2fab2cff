import { ToggleButton } from '@fluentui/react-components';

/**
 * Switches between views of one page (cases, map, figures) with toggle buttons (aria-pressed).
 * Fluent's TabList adds focus-guard elements that axe reports as focusable-but-hidden, so plain
 * buttons are used here.
 */
export function ViewSwitch<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: { value: T; label: string }[]; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="wl-row wl-switch">
      {options.map((option) => (
        <ToggleButton key={option.value} checked={value === option.value} appearance={value === option.value ? 'primary' : 'secondary'} onClick={() => onChange(option.value)}>
          {option.label}
        </ToggleButton>
      ))}
    </div>
  );
}
