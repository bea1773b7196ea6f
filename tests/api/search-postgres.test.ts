import { searchContract } from './search-contract.js';

// The search contract against the PostgreSQL engine (the default: no MEILISEARCH_URL).
searchContract('postgres', () => ({}));
