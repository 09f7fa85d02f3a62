import { useLedger } from '../store/context';
import type { PlaceholderText } from './pages';

/** A page not built yet: what will be here, and what to do meanwhile. */
export function Placeholder({ title, text }: { title: string; text: PlaceholderText }) {
  const goTo = useLedger((s) => s.goTo);
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title" className="page-title">
        {title}
      </h1>
      <div className="card placeholder">
        <p className="placeholder-badge">即将推出</p>
        <p className="placeholder-coming">{text.coming}</p>
        <p className="placeholder-now">
          <strong>现在可以：</strong>
          {text.now}
        </p>
        <button type="button" className="button button-primary" onClick={() => goTo(text.nowPage)}>
          {text.nowButton}
        </button>
      </div>
    </section>
  );
}
