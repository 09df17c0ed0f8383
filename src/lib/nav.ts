/** The site's main sections, one per header nav item, in nav order. */
export const NAV = [
  { key: 'home', label: 'Home', path: '' },
  { key: 'topics', label: 'Topics', path: 'topics/' },
  { key: 'digests', label: 'Digests', path: 'digests/' },
  { key: 'orgs', label: 'Orgs', path: 'orgs/' },
  { key: 'search', label: 'Search', path: 'search/' },
] as const;

/** A nav section a page can mark as current. */
export type NavKey = (typeof NAV)[number]['key'];
