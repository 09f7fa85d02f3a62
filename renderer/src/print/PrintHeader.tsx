/** The document's head: the title, what it covers, and the dates a superior looks for. */
export function PrintHeader({ title, meta }: { title: string; meta: readonly string[] }) {
  return (
    <header className="print-head">
      <h1 className="print-title">{title}</h1>
      <p className="print-meta">
        {meta.map((part) => (
          <span key={part}>{part}</span>
        ))}
      </p>
    </header>
  );
}
