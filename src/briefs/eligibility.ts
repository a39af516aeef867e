import type { BriefPool } from './brief-pool.js';
import type { Profile } from './profile.js';
import type { RankRequest } from './rank-profile.js';

/** Whether an insight may go into this subscriber's brief: new for them, not sent, from a show they want. */
export class Eligibility {
  private readonly since: number;
  private readonly excludedGroups = new Set<number>();

  constructor(
    private readonly pool: BriefPool,
    private readonly profile: Profile,
    req: RankRequest,
  ) {
    this.since = req.since.getTime();
    // Sent insights of the pool are excluded through their group (each insight is in one).
    for (const id of req.sent) {
      const i = pool.index.indexOf(id);
      if (i !== undefined) this.excludedGroups.add(pool.dupGroup[i] as number);
    }
  }

  has(i: number): boolean {
    return (
      (this.pool.seenAt[i] as number) >= this.since &&
      (this.excludedGroups.size === 0 || !this.excludedGroups.has(this.pool.dupGroup[i] as number)) &&
      (!this.profile.onlyFollowed || this.profile.followed.has(this.pool.feedOf[i] as number))
    );
  }
}
