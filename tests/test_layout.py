"""The house shows the flow: each stage package is reached through its
`__init__`, and the packages import downwards only (docs/ARCHITECTURE.md)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ETL = Path(__file__).resolve().parents[1] / "etl"
PACKAGES = ("etl.extract", "etl.warehouse", "etl.sources", "etl.report",
            "etl.bulletin")
# A package may import those after it here, never those before it.
ORDER = ["etl.cli", "etl.evaluate", "etl.report", "etl.bulletin", "etl.warehouse",
         "etl.extract", "etl.sources"]


def imports(path: Path) -> list[str]:
    """Every module named by an import statement of `path`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return found


def owner(module: str) -> str | None:
    return next((p for p in ORDER if module == p or module.startswith(p + ".")), None)


def sources():
    return sorted(p for p in ETL.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ETL.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ETL.parent)))
def test_no_module_reaches_into_another_package(path):
    here = module_name(path)
    for name in imports(path):
        for package in PACKAGES:
            inside = here == package or here.startswith(package + ".")
            if name.startswith(package + ".") and not inside:
                # `from etl.extract import extract_text` names the surface;
                # `etl.extract.engine` is the inside of the package.
                inner = ETL.parent / name.replace(".", "/")
                assert not (inner.with_suffix(".py").exists() or inner.is_dir()), \
                    f"{here} imports {name}: use what {package} names in its __init__"


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ETL.parent)))
def test_packages_import_downwards_only(path):
    here = owner(module_name(path))
    if here is None:
        return
    for name in imports(path):
        there = owner(name)
        if there and there != here:
            assert ORDER.index(there) > ORDER.index(here), \
                f"{module_name(path)} ({here}) imports {name} ({there}), which is upstream"


def test_a_worker_process_does_not_load_the_database_side():
    """Spawned workers import etl.warehouse.worker; the package's names load
    on first use, so DuckDB, pandas and pyarrow stay out of each worker."""
    code = ("import sys, etl.warehouse.worker; "
            "print(sorted(m for m in ('duckdb', 'pandas', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ETL.parent)
    assert out.stdout.strip() == "[]"


def test_the_package_surfaces_resolve():
    import etl.bulletin
    import etl.extract
    import etl.warehouse

    for package in (etl.bulletin, etl.extract, etl.warehouse):
        for name in package.__all__:
            assert getattr(package, name) is not None, f"{package.__name__}.{name}"
