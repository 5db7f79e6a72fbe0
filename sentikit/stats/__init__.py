"""Numeric primitives shared by features, lexicons and embeddings (term weights, counts)."""
