import { describe, expect, it } from 'vitest';
import { groupByOrg, orgRouteSlug } from './orgs.ts';
import { testPaper } from '../../../tests/support/builders.ts';

describe('orgRouteSlug', () => {
  it('lower-cases handles so case variants share one page', () => {
    expect(orgRouteSlug('SJTU-Deng-Lab')).toBe(orgRouteSlug('SJTU-DENG-Lab'));
    expect(orgRouteSlug('SJTU-Deng-Lab')).toBe('sjtu-deng-lab');
  });

  it('keeps handle characters and replaces anything else', () => {
    expect(orgRouteSlug('facebook_research.ai')).toBe('facebook_research.ai');
    expect(orgRouteSlug('Some Lab/../x')).toBe('some-lab-..-x');
    expect(orgRouteSlug('  ')).toBe('org');
  });
});

describe('groupByOrg', () => {
  const a = testPaper({ id: 'a', org: { slug: 'SJTU-Deng-Lab', name: 'SJTU Deng Lab' } });
  const b = testPaper({ id: 'b', org: { slug: 'SJTU-DENG-Lab', name: 'SJTU DENG Lab' } });
  const c = testPaper({ id: 'c', org: { slug: 'sjtu-deng-lab', name: 'SJTU Deng Lab' } });
  const d = testPaper({ id: 'd', org: { slug: 'nvidia', name: 'NVIDIA' } });
  const none = testPaper({ id: 'e' });

  it('merges case variants, keeps paper order and names the group by its most common name', () => {
    const groups = groupByOrg([a, d, b, none, c]);
    expect(groups.map((g) => g.slug)).toEqual(['sjtu-deng-lab', 'nvidia']);
    expect(groups[0]!.papers.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(groups[0]!.name).toBe('SJTU Deng Lab');
  });

  it('orders groups by paper count, then by name', () => {
    const x = testPaper({ id: 'x', org: { slug: 'zeta', name: 'Zeta' } });
    const y = testPaper({ id: 'y', org: { slug: 'alpha', name: 'Alpha' } });
    expect(groupByOrg([x, y, d]).map((g) => g.name)).toEqual(['Alpha', 'NVIDIA', 'Zeta']);
    expect(groupByOrg([x, y, testPaper({ id: 'z', org: { slug: 'zeta', name: 'Zeta' } })]).map((g) => g.name)).toEqual(['Zeta', 'Alpha']);
  });

  it('does not depend on the order papers come in, except inside a group', () => {
    const names = (list: (typeof a)[]) => groupByOrg(list).map((g) => [g.slug, g.name, g.handle, g.papers.length]);
    expect(names([c, b, a, d])).toEqual(names([a, b, c, d]));
  });
});
