"""Storage for API tokens: who may call Rapport, kept only as hashes."""
