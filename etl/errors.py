"""The named errors of warstats. Each says what was wrong, where, and the fix.

Each class also subclasses the matching builtin so callers can catch either.
"""


class EtlError(Exception):
    """Base of every error warstats raises on purpose."""


class SourceError(EtlError, ValueError):
    """An input file or line that cannot be read as an article."""

    count = 1   # the lines it stands for: one report for a problem met on many

    def __init__(self, where: str, problem: str, fix: str):
        self.where, self.problem, self.fix = where, problem, fix
        super().__init__(f"{where}: {problem} — {fix}")


class SqlFileError(EtlError, RuntimeError):
    """A statement in a sql/ file failed; names the file and statement."""

    def __init__(self, path, statement_no: int, original: Exception):
        self.path, self.statement_no, self.original = path, statement_no, original
        super().__init__(f"{path}: statement {statement_no}: {original}")


class DatabaseBusy(EtlError, RuntimeError):
    """Another process holds the database for writing."""


class GoldFileError(EtlError, ValueError):
    """A gold or prediction file that is not valid JSON lines."""


class NoDatabase(EtlError, FileNotFoundError):
    """A reader asked for a database file that does not exist yet."""


class QueryError(EtlError, ValueError):
    """A query given to `warstats sql` / `query()` failed."""
