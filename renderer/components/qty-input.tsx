/**
 * A quantity field for gloved thumbs and keyboards alike: numeric keypad on
 * handhelds, the whole value selected on focus so typing replaces it. What
 * is typed is passed on as an integer (NaN when it is not one); the setter
 * decides what is allowed.
 */
export function QtyInput(props: { label: string; name: string; value: number; onChange(qty: number): void }) {
  return (
    <label className="field">
      {props.label}
      <input
        name={props.name}
        inputMode="numeric"
        pattern="[0-9]*"
        value={props.value}
        onChange={(e) => props.onChange(Number.parseInt(e.target.value || '1', 10))}
        onFocus={(e) => e.target.select()}
      />
    </label>
  );
}
