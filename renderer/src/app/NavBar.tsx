import { useLedger } from '../store/context';
import { pages } from './pages';

export function NavBar() {
  const current = useLedger((s) => s.page);
  const goTo = useLedger((s) => s.goTo);
  return (
    <nav className="nav" aria-label="主导航">
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <button
              type="button"
              className={`nav-item${page.id === current ? ' nav-item-active' : ''}`}
              aria-current={page.id === current ? 'page' : undefined}
              onClick={() => goTo(page.id)}
            >
              {page.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
