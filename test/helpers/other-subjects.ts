/**
 * Headlines on subjects no test pairs up: insights made of them fill a pool so that the words a
 * test is about are rare in it, as they are among a day's insights from many shows.
 */
export const OTHER_SUBJECTS = [
  'Sourdough needs a long cold proof',
  'The marathon taper starts three weeks out',
  'Coral reefs bleach in warm water',
  'Jazz drummers keep time on the ride cymbal',
  'Tax filing opens in late January',
  'Garden tomatoes want full sun',
  'Barbell squats need a braced core',
  'Kubernetes operators reconcile state',
];

/** The same line of talk around each headline, so that only the headlines differ. */
export const otherSubjectText = (headline: string): string => `${headline}, the guest says, and people think so too.`;
