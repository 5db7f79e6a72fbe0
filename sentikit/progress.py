"""Progress messages that also say how far a long run is.

Long runs (training, evaluation, lexicon induction, embeddings) take a ``progress`` callback
that receives one-line messages. Where the run knows its count of steps it passes a
:class:`Step`: a ``str`` (so ``print`` or ``list.append`` as a callback work as before) that
also carries ``done``, ``total`` and ``unit``, from which the command line draws a progress
bar with a rate and an ETA (``sentikit.cli._util.StepBar``). No import of the package here:
every layer may use it.
"""

from __future__ import annotations


class Step(str):
    """A progress message with a count: ``done`` of ``total`` ``unit``.

    Parameters
    ----------
    message : str
        The one-line message (the value of the string).
    done : int
        Steps finished when the message is sent.
    total : int, optional
        Steps of the whole run, when known.
    unit : str
        What a step is (``"folds"``, ``"texts"``; default ``"stages"``).

    Examples
    --------
    >>> s = Step("fold 2/10: accuracy 0.81", done=2, total=10, unit="folds")
    >>> s, s.done, s.total
    ('fold 2/10: accuracy 0.81', 2, 10)
    """

    done: int
    total: int | None
    unit: str

    def __new__(
        cls, message: str, done: int, total: int | None = None, unit: str = "stages"
    ) -> Step:
        self = super().__new__(cls, message)
        self.done, self.total, self.unit = int(done), total, unit
        return self


__all__ = ["Step"]
