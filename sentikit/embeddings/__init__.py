"""Sentiment-aware word embeddings with sliding or subclause context windows (METHODS.md §6).

- :mod:`~sentikit.embeddings.model`: :class:`SentimentEmbedding` (contextual PPMI + SVD,
  lexical WordNet-definition, supervised δ components), bundle format, word2vec export;
- :mod:`~sentikit.embeddings.units`: documents → context units (whole documents or subclauses);
- :mod:`~sentikit.embeddings.classify`: document vectors (mean word vector ⊕ polarity
  features) and :class:`~sentikit.embeddings.classify.EmbeddingSVM`;
- :mod:`~sentikit.embeddings.family`: the ``sentikit.embedding_mean.v1`` feature family;
- :mod:`~sentikit.embeddings.lexical`: WordNet definitions (extra ``wordnet``);
- :mod:`~sentikit.embeddings.w2v`: the gensim word2vec baseline (extra ``w2v``).

Only numpy/scipy/scikit-learn are needed by the core; gensim and WordNet are imported lazily.
"""

from sentikit.embeddings.model import COMPONENTS, SentimentEmbedding, write_word2vec

__all__ = ["COMPONENTS", "SentimentEmbedding", "write_word2vec"]
