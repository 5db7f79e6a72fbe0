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
