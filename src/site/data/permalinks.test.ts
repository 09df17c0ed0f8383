import { describe, expect, it } from 'vitest';
import { permalinkPaths } from './permalinks.ts';
import type { Paper } from '../../schemas/paper.ts';
import { testPaper } from '../../../tests/support/builders.ts';

const paper = (id: string, aliases: string[], over: Partial<Paper> = {}): Paper =>
  testPaper({ id, aliases, title: `Title of ${id}`, abstract: '', authorCount: 3, digests: ['2025-01-02'], ...over });

describe('permalinkPaths', () => {
  it('makes an alias one paper holds a redirect to it', () => {
    expect(
      permalinkPaths([paper('2506.01234', ['sparse-attention'], { title: 'Sparse $x$', org: { slug: 'n', name: 'NVIDIA' } })]),
    ).toEqual([
      {
        params: { alias: 'sparse-attention' },
        props: {
          kind: 'redirect',
          from: 'sparse-attention',
          to: { id: '2506.01234', title: 'Sparse $x$', published: '2025-01-01', byline: 'NVIDIA' },
        },
      },
    ]);
  });

  it('makes a URL several papers hold one page linking each, newest first', () => {
    const paths = permalinkPaths([
      paper('same-title-2023-05-05', ['same-title'], { published: '2023-05-05' }),
      paper('2501.00001', ['same-title', 'same-title-2025-01-01'], { published: '2025-01-01' }),
    ]);
    expect(paths.map((p) => [p.params.alias, p.props.kind])).toEqual([
      ['same-title', 'shared'],
      ['same-title-2025-01-01', 'redirect'],
    ]);
    const shared = paths[0]!.props;
    expect(shared.kind === 'shared' && shared.papers.map((p) => p.id)).toEqual(['2501.00001', 'same-title-2023-05-05']);
  });

  it("never shadows a paper's own page, and lists each alias once", () => {
    const paths = permalinkPaths([paper('a', ['b', 'b']), paper('b', [])]);
    expect(paths).toEqual([]);
    expect(permalinkPaths([paper('a', ['x', 'x'])])).toHaveLength(1);
  });
});
