import type { DashboardSummary } from '../../../shared/api/ledger';
import { useLedger } from '../store/context';
import type { FilterChips } from '../store/view';
import { narrowChips, summaryCards, type SummaryCard } from './model';

function Card({ card, onOpen, action }: { card: SummaryCard; onOpen: () => void; action: string }) {
  return (
    <li>
      <button type="button" className={`stat-card stat-${card.tone}`} onClick={onOpen} title={`${card.hint}。${action}`}>
        <span className="stat-label">{card.label}</span>
        <span className="stat-value">{card.value}</span>
        <span className="stat-hint">{card.hint}</span>
      </button>
    </li>
  );
}

/** Task and indicator counts; a task card opens exactly those tasks in 任务台账. */
export function SummaryCards({ cards, chips }: { cards: DashboardSummary['cards']; chips: FilterChips }) {
  const openLedgerWith = useLedger((s) => s.openLedgerWith);
  const goTo = useLedger((s) => s.goTo);
  const { tasks, indicators } = summaryCards(cards);
  const open = (card: SummaryCard) => {
    if (card.target.kind === 'ledger') openLedgerWith(narrowChips(chips, card.target.chips));
    else goTo('indicators');
  };
  return (
    <div className="stat-groups">
      <section aria-label="任务统计">
        <h2 className="stat-group-title">任务</h2>
        <ul className="stat-cards">
          {tasks.map((card) => (
            <Card key={card.id} card={card} onOpen={() => open(card)} action="点击在任务台账中查看" />
          ))}
        </ul>
      </section>
      <section aria-label="指标统计">
        <h2 className="stat-group-title">指标</h2>
        <ul className="stat-cards stat-cards-indicators">
          {indicators.map((card) => (
            <Card key={card.id} card={card} onOpen={() => open(card)} action="点击打开指标页" />
          ))}
        </ul>
      </section>
    </div>
  );
}
