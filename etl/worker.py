"""The worker side of ingest: load the extractor and run it on a batch.

Kept apart from etl.ingest so a worker process imports only the extractor,
not DuckDB, pandas or pyarrow (each worker costs its imports in memory).
"""
from __future__ import annotations

import importlib

from etl.errors import EtlError
from etl.model import Article, Extraction


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


def extract_batch(spec: str, articles: list[Article]) -> list[Extraction | str]:
    """Worker task: an Extraction per article, or the error as text."""
    extract, _ = load_extractor(spec)
    out = []
    for article in articles:
        try:
            out.append(extract(article))
        except Exception as e:  # one bad article must not sink the batch
            out.append(f"{type(e).__name__}: {e}")
    return out
