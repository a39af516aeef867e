import type { BriefPool } from './brief-pool.js';
import type { Profile } from './profile.js';
import type { RankRequest } from './rank-profile.js';

/** Near neighbours of a retired sent insight checked for being its rewording, and the features that propose them. */
const REWORDINGS = 20;
const REWORDING_PROBES = 6;

/**
 * Whether an insight may go into this subscriber's brief: current (not retired), new for them, not
 * sent, from a show they want.
 */
export class Eligibility {
  private readonly since: number;
  private readonly excludedGroups = new Set<number>();
  private readonly excludedItems = new Set<number>();

  constructor(
    private readonly pool: BriefPool,
    private readonly profile: Profile,
    req: RankRequest,
  ) {
    this.since = req.since.getTime();
    // Sent insights of the pool are excluded through their group (each insight is in one).
    for (const id of req.sent) {
      const i = pool.index.indexOf(id);
      if (i === undefined) continue;
      this.excludedGroups.add(pool.dupGroup[i] as number);
      // Groups join other episodes only; a sent insight that its episode's re-extraction reworded
      // (and so retired) must also keep the rewording out.
      if (pool.insights[i]?.retired)
        for (const n of pool.index.lexicalNeighbours(i, REWORDINGS, REWORDING_PROBES))
          if (pool.index.isDuplicate(i, n.index)) this.excludedItems.add(n.index);
    }
  }

  has(i: number): boolean {
    return (
      (this.pool.seenAt[i] as number) >= this.since &&
      this.pool.insights[i]?.retired !== true &&
      (this.excludedGroups.size === 0 || !this.excludedGroups.has(this.pool.dupGroup[i] as number)) &&
      !this.excludedItems.has(i) &&
      (!this.profile.onlyFollowed || this.profile.followed.has(this.pool.feedOf[i] as number))
    );
  }
}
