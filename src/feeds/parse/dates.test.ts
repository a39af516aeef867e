import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';
import { parseFeedDate } from './dates.js';

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 01 Oct 2024 10:00:00 GMT', '2024-10-01T10:00:00.000Z'],
    ['Tue, 6 Nov 2018 23:10:00 PST', '2018-11-07T07:10:00.000Z'],
    ['Wed, 07 Oct 2020 01:00:00 -0400', '2020-10-07T05:00:00.000Z'],
    ['Wed, 07 Oct 2020 01:00:00 +05:30', '2020-10-06T19:30:00.000Z'],
    ['07 Oct 2020 01:00 +0000', '2020-10-07T01:00:00.000Z'],
    ['18 Jul 2015 12:00:00 EST', '2015-07-18T17:00:00.000Z'],
    ['Thu, 17 December 2020 08:00:00 GMT', '2020-12-17T08:00:00.000Z'],
    ['Mon, 02 Mar 09 10:00:00 GMT', '2009-03-02T10:00:00.000Z'],
    ['Fri, 01 Okt 2021 10:00:00 +0200', '2021-10-01T08:00:00.000Z'],
    ['2020-12-22T19:15:01+00:00', '2020-12-22T19:15:01.000Z'],
    ['2020-12-22T19:15:01.123Z', '2020-12-22T19:15:01.000Z'],
    ['2020-12-22', '2020-12-22T00:00:00.000Z'],
    ['  Tue,\n 01 Oct 2024 10:00:00 GMT  ', '2024-10-01T10:00:00.000Z'],
    ['October 1, 2024 10:00 GMT', '2024-10-01T10:00:00.000Z'],
  ])('%j → %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it.each([
    '',
    'yesterday',
    '32/13/2099',
    '0000-00-00',
    '+275760-09-13',
    '2020-02-30',
    'Mon, 31 Feb 2020 10:00:00 GMT',
    '1',
    '12345',
    'Tue, 01 Oct 2024 25:00:00 GMT',
    'Sun, 01 Jan 1800 00:00:00 GMT',
  ])('rejects %j', (raw) => {
    expect(parseFeedDate(raw)).toBeUndefined();
  });
});

describe('parseDuration', () => {
  it.each([
    ['3600', 3600],
    ['3600.6', 3601],
    ['59:07', 3547],
    ['1:02:03', 3723],
    ['01:02:03', 3723],
    ['75:30', 4530],
    [' 45 ', 45],
  ])('%j → %i', (raw, seconds) => {
    expect(parseDuration(raw)).toBe(seconds);
  });

  it.each(['', '0', '-5', 'abc', '1:75', '1:2:3:4', '99999999', 'NaN', '1e5'])('rejects %j', (raw) => {
    expect(parseDuration(raw)).toBeUndefined();
  });
});
