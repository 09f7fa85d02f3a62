import type { DashboardSummary } from '../../../shared/api/ledger';
import { useLedger } from '../store/context';
import type { FilterChips } from '../store/view';
import { narrowChips, summaryCards, type SummaryCard } from './model';

const actions = { ledger: '点击在任务台账中查看', indicators: '点击打开指标页', review: '点击前往办公室审核' } as const;

function Card({ card, onOpen }: { card: SummaryCard; onOpen: () => void }) {
  return (
    <li>
      <button type="button" className={`stat-card stat-${card.tone}`} onClick={onOpen} title={`${card.hint}。${actions[card.target.kind]}`}>
        <span className="stat-label">{card.label}</span>
        <span className="stat-value">{card.value}</span>
        <span className="stat-hint">{card.hint}</span>
      </button>
    </li>
  );
}

/** A mark over the task counts (部分科室未报, 逾期未报, 待审核, 已退回): a short line, not a card; zero reads quiet. */
function Mark({ card, onOpen }: { card: SummaryCard; onOpen: () => void }) {
  return (
    <li>
      <button
        type="button"
        className={`stat-mark stat-mark-${card.id}${card.value === 0 ? ' stat-mark-none' : ''}`}
        onClick={onOpen}
        title={`${card.hint}。${actions[card.target.kind]}`}
      >
        <span className="stat-label">{card.label}</span>
        <span className="stat-value">{card.value}</span>
        <span className="stat-unit">项</span>
      </button>
    </li>
  );
}

/**
 * Task counts by quarter state (they add up to the total), the marks over the same tasks, and
 * indicator counts; a task card opens exactly those tasks in 任务台账, 待审核 and 已退回 open 办公室审核.
 */
export function SummaryCards({ cards, chips, includeSubmitted }: { cards: DashboardSummary['cards']; chips: FilterChips; includeSubmitted: boolean }) {
  const openLedgerWith = useLedger((s) => s.openLedgerWith);
  const goTo = useLedger((s) => s.goTo);
  const setQuarterTab = useLedger((s) => s.setQuarterTab);
  const { tasks, marks, indicators } = summaryCards(cards, includeSubmitted);
  const open = (card: SummaryCard) => {
    if (card.target.kind === 'ledger') openLedgerWith(narrowChips(chips, card.target.chips));
    else if (card.target.kind === 'review') {
      setQuarterTab('review');
      goTo('quarterly');
    } else goTo('indicators');
  };
  return (
    <div className="stat-groups">
      <section aria-label="任务统计">
        <h2 className="stat-group-title">任务</h2>
        <ul className="stat-cards">
          {tasks.map((card) => (
            <Card key={card.id} card={card} onOpen={() => open(card)} />
          ))}
        </ul>
        <ul className="stat-marks" aria-label="填报情况">
          {marks.map((card) => (
            <Mark key={card.id} card={card} onOpen={() => open(card)} />
          ))}
        </ul>
      </section>
      <section aria-label="指标统计">
        <h2 className="stat-group-title">指标</h2>
        <ul className="stat-cards stat-cards-indicators">
          {indicators.map((card) => (
            <Card key={card.id} card={card} onOpen={() => open(card)} />
          ))}
        </ul>
      </section>
    </div>
  );
}
