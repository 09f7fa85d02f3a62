import { useLedger } from '../store/context';
import { pages } from './pages';
import { reviews } from './pc-role';

export function NavBar() {
  const current = useLedger((s) => s.page);
  const goTo = useLedger((s) => s.goTo);
  const reviewing = useLedger((s) => s.page === 'quarterly' && s.quarterTab === 'review');
  const showReview = useLedger(reviews);
  const setQuarterTab = useLedger((s) => s.setQuarterTab);
  const item = (id: string, label: string, active: boolean, onClick: () => void) => (
    <li key={id}>
      <button type="button" className={`nav-item${active ? ' nav-item-active' : ''}`} aria-current={active ? 'page' : undefined} onClick={onClick}>
        {label}
      </button>
    </li>
  );
  return (
    <nav className="nav" aria-label="主导航">
      <ul>
        {pages.flatMap((page) => {
          if (page.id !== 'quarterly') return [item(page.id, page.label, page.id === current, () => goTo(page.id))];
          const entry = item(page.id, page.label, current === 'quarterly' && !(showReview && reviewing), () => {
            if (reviewing) setQuarterTab('entries');
            goTo('quarterly');
          });
          // The office reviews here: one click to 办公室审核, no role to switch first.
          const review = item('review', '办公室审核', showReview && reviewing, () => {
            setQuarterTab('review');
            goTo('quarterly');
          });
          return showReview ? [entry, review] : [entry];
        })}
      </ul>
    </nav>
  );
}
