"""The worker side of ingest: load the extractor and run it on a batch.

Kept apart from etl.warehouse.loader so a worker process imports only the extractor,
not DuckDB, pandas or pyarrow (each worker costs its imports in memory).
"""
from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import signal
import sys
import threading
import time

from etl.errors import EtlError
from etl.model import Article
from etl.warehouse import rows


def load_extractor(spec: str):
    """'module:function' -> (function, the module's EXTRACTOR_VERSION)."""
    module_name, _, func_name = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
        return getattr(module, func_name), str(getattr(module, "EXTRACTOR_VERSION"))
    except Exception as e:  # a half-edited module raises anything on import
        missing = isinstance(e, ModuleNotFoundError) and e.name == module_name
        fix = ("is the package installed (`pip install -e .`)?" if missing
               else f"fix {module_name} so that it imports and defines "
                    f"{func_name} and EXTRACTOR_VERSION")
        raise EtlError(f"cannot load the extractor {spec!r}: "
                       f"{type(e).__name__}: {e} — {fix}") from e


def extractor_version(spec: str) -> str:
    """The extractor's EXTRACTOR_VERSION, read without importing it when it can.

    Importing etl.extract compiles some 600 patterns (a second or two, 35 MB),
    and an ingest whose workers extract, or that finds nothing changed, needs
    only the version. A module not yet imported whose source sets the
    version to a string literal is read, not run; any other is imported.
    """
    module_name = spec.partition(":")[0]
    if module_name not in sys.modules:
        literal = _version_literal(module_name)
        if literal is not None:
            return literal
    return load_extractor(spec)[1]


def _version_literal(module_name: str) -> str | None:
    """`EXTRACTOR_VERSION = "..."`, assigned once at the top of the module's
    source, or None (no such module, no source, not a literal)."""
    try:
        found = importlib.util.find_spec(module_name)
        source = found.loader.get_source(module_name) if found and found.loader else None
        tree = ast.parse(source) if source else None
    except (ImportError, SyntaxError, ValueError, AttributeError):
        return None
    values = [node.value for node in (tree.body if tree else ())
              if isinstance(node, ast.Assign)
              and any(isinstance(t, ast.Name) and t.id == "EXTRACTOR_VERSION"
                      for t in node.targets)]
    if len(values) == 1 and isinstance(values[0], ast.Constant) \
            and isinstance(values[0].value, str):
        return values[0].value
    return None


def extract_batch(spec: str, articles: list[Article]) -> dict:
    """Worker task: the batch's facts and rejections as plain columns
    (etl.warehouse.rows), and the articles whose extraction failed:
    {"errors": {position in the batch: the error as text}, "facts":
    {column: list}, "rejections": {column: list}}."""
    extract, _ = load_extractor(spec)
    errors, ids, extracted = {}, [], []
    for n, article in enumerate(articles):
        try:
            x = extract(article)
        except Exception as e:  # one bad article must not sink the batch
            errors[n] = f"{type(e).__name__}: {e}"
            continue
        ids.append(article.id)
        extracted.append(x)
    return {"errors": errors, **rows.columns(ids, extracted)}


def exit_with_parent(parent_pid: int) -> None:
    """Worker initializer: exit once the ingest process is gone.

    A worker waits for tasks on a pipe it holds both ends of, so when the
    parent is SIGKILLed (OOM killer, kill -9) it would wait forever, holding
    its memory. A daemon thread notices the new parent and ends it. (Here,
    not in etl.warehouse.loader: a worker unpickling it imports its module, and
    etl.warehouse.loader would bring pyarrow and pandas, ~50 MB a worker.)
    """
    def watch():
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
    # Ctrl-C reaches the whole process group, a service stop every process:
    # the parent decides when to stop, and shuts the workers down itself.
    # (The worker started with both held back: ignored now, they are let in.)
    held = {signal.SIGINT, signal.SIGTERM}
    for number in held:
        signal.signal(number, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)
