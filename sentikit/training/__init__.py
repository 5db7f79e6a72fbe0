"""Training entry points: where corpora and lexicons are resolved and handed to models.

``sentikit train`` and the evaluation runners build models through this package:

- :mod:`sentikit.training.data` — the training texts, labels and per-corpus weights a
  configuration names (``training.datasets``);
- :mod:`sentikit.training.resources` — resolves the auxiliary data a model declares
  (:meth:`~sentikit.models.linear.LinearEnsembleClassifier.data_needs`) from the dataset
  catalogue or the user's files, once, and builds initialized estimators, leaving out the
  corpora under evaluation;
- :mod:`sentikit.training.bundle` — trains a configuration and writes a model bundle.

This is the only layer (with the CLI and the evaluation runners above it) that opens the dataset
catalogue for training: model parts are given their data (``initialize``), never fetch it.
"""
