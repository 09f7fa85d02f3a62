/** A fingerprint in large groups of digits, easy to read out over the phone. */
export function Fingerprint({ code, label = '识别码' }: { code: string; label?: string }) {
  const groups = code.split(/\s+/).filter(Boolean);
  return (
    <span className="exchange-fingerprint" aria-label={`${label} ${code}`}>
      {groups.map((group, index) => (
        <span key={index} className="exchange-fingerprint-group">
          {group}
        </span>
      ))}
    </span>
  );
}
