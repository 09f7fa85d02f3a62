import { SearchIndex } from '../../search/search-index';
import type { Migration } from './types';

/**
 * (Re)build the ledger's search index from the rows, with every token tagged by its plan's
 * scope (electron/search/bigrams.ts). Derived data: rebuilding loses nothing.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'search-rebuild',
  up: (db) => new SearchIndex(db).rebuild(),
};
