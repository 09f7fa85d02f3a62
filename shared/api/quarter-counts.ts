import { z } from 'zod';

/** The counts every surface shows (countQuarter in shared/domain/quarter-state.ts): done + onPace + behind + notReported = total. */
export const quarterCounts = z.object({
  total: z.number(),
  done: z.number(),
  onPace: z.number(),
  behind: z.number(),
  notReported: z.number(),
  /** 部分科室未报: tasks some but not all of whose leads reported. */
  partial: z.number(),
  /** Tasks with a lead 逾期未报. */
  late: z.number(),
  /** Tasks with a submitted entry waiting for review. */
  awaitingReview: z.number(),
  /** Tasks with a returned entry. */
  returned: z.number(),
});
export type QuarterCountsValue = z.infer<typeof quarterCounts>;
