"""Exceptions raised by sentikit. All derive from :class:`SentikitError`."""

from __future__ import annotations


class SentikitError(Exception):
    """Base class of every error sentikit raises on purpose."""


class ResourceMissingError(SentikitError):
    """A model, lexicon, dataset or optional dependency is not available locally.

    The message names what to install or train; sentikit never downloads at run time.
    """


class InputError(SentikitError, ValueError):
    """The input (text, file, argument) cannot be used; the message says which and why."""


class BundleError(SentikitError):
    """A model bundle is malformed, of the wrong version, or for another language."""


class BundleDamagedError(BundleError):
    """A model bundle's files are missing, unreadable, or changed since the bundle was saved.

    The message reads ``model bundle <folder> is damaged: <what is wrong>``; the folder and the
    problem are also kept as :attr:`bundle` and :attr:`problem`.
    """

    def __init__(self, bundle: object, problem: str) -> None:
        super().__init__(f"model bundle {bundle} is damaged: {problem}")
        self.bundle = str(bundle)
        self.problem = problem


class BundleVersionError(BundleError):
    """A model bundle was written for a sentikit version or bundle format that this one cannot
    read; the message names both versions and what to do (upgrade sentikit or retrain)."""
