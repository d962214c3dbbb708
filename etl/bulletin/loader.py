"""Read a bulletin CSV with DuckDB and load it into the warehouse.

One load at a time: an unchanged file (and unchanged model and poster
tables) is skipped; a changed one replaces the previous load's rows in one
transaction. Each row is kept with the line it starts on; a row that
cannot be counted keeps its `problem` and stays out of every figure.
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from etl import warehouse
from etl.errors import EtlError

DATA_DIR = Path(__file__).resolve().parent
MODELS_CSV = DATA_DIR / "models.csv"
POSTERS_CSV = DATA_DIR / "posters.csv"

# The header of the "Massive Missile Attacks on Ukraine" dataset.
EXPECTED_HEADER = (
    "time_start", "time_end", "model", "launch_place", "target", "target_main",
    "launched", "destroyed", "not_reach_goal", "still_attacking",
    "border_crossing", "is_shahed", "num_hit_location",
    "num_fall_fragment_location", "carrier", "turbojet", "turbojet_destroyed",
    "affected region", "destroyed_details", "launched_details",
    "launch_place_details", "source")
# The columns warstats reads; the others are kept in `as_written` only.
REQUIRED = ("time_start", "time_end", "model", "launch_place", "target",
            "launched", "destroyed", "not_reach_goal", "still_attacking",
            "is_shahed", "source")
COUNTS = ("launched", "destroyed", "not_reach_goal", "still_attacking", "is_shahed")
WEAPON_CLASSES = ("drone", "missile", "bomb")
SCOPES = ("national", "regional", "other")
HOW_TO_GET = ("the 'Massive Missile Attacks on Ukraine' dataset "
              "(missile_attacks_daily.csv, Kaggle)")


class BulletinError(EtlError, ValueError):
    """A bulletin file (or model table) that cannot be loaded at all."""


@dataclass
class BulletinLoad:
    """What one `load_bulletins` call did."""

    path: str
    load_id: int
    skipped: bool
    n_rows: int
    n_bad: int
    n_nights: int = 0
    first_night: date | None = None
    last_night: date | None = None
    problems: list[str] = field(default_factory=list)   # bad rows, PATH:LINE: ...
    warnings: list[str] = field(default_factory=list)   # unknown models, posters

    @property
    def exit_code(self) -> int:
        return 3 if self.problems else 0

    def describe(self) -> str:
        nights = (f"{self.n_nights:,} nights from {self.first_night} to {self.last_night}"
                  if self.n_nights else "no nights")
        bad = f", {self.n_bad:,} bad (not counted)" if self.n_bad else ""
        if self.skipped:
            return (f"bulletins: {self.path} is unchanged since load {self.load_id} "
                    f"({self.n_rows:,} rows{bad}; {nights}) — nothing to do")
        return (f"bulletins: load {self.load_id} from {self.path}: {self.n_rows:,} rows"
                f"{bad}; {nights}")


def file_hash(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def record_lines(text: str) -> tuple[list[int], dict[int, int]]:
    """Where each CSV record starts, and DuckDB's line numbers -> file lines.

    A record starts on a line that is not inside a quoted field and is not
    blank. DuckDB numbers rejected rows by the lines it saw outside quotes
    (blank ones included), so a field with a line break shifts its numbers:
    the map puts them back on the file's own lines.

    >>> record_lines('a,b\\n1,"x\\ny"\\n\\n2,3\\n')
    ([1, 2, 5], {1: 1, 2: 2, 3: 4, 4: 5, 5: 6})
    """
    starts, duckdb_lines = [], {}
    in_quotes, seen = False, 0
    for number, line in enumerate(text.split("\n"), 1):
        if not in_quotes:
            seen += 1
            duckdb_lines[seen] = number
            if line.strip("\r").strip():
                starts.append(number)
        in_quotes ^= line.count('"') % 2 == 1
    return starts, duckdb_lines


def read_header(path: Path) -> list[str]:
    """The file's column names: its first line. (DuckDB would sniff the
    whole file for them, and give up on a file with one bad row.)"""
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        return next(csv.reader(f), [])


def check_header(path: Path, columns: list[str]) -> None:
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise BulletinError(
            f"{path}:1: no column {missing[0]!r}"
            + (f" (nor {', '.join(map(repr, missing[1:]))})" if missing[1:] else "")
            + " — the header must be: " + ",".join(EXPECTED_HEADER))


def read_table(con, path: Path, columns: dict[str, str]) -> list[tuple]:
    """A small data table of this package (models.csv, posters.csv), by DuckDB."""
    try:
        return con.execute(
            "select * from read_csv($path, header = true, auto_detect = false, "
            "delim = ',', quote = '\"', escape = '\"', columns = $columns)",
            {"path": str(path), "columns": columns}).fetchall()
    except duckdb.Error as e:
        raise BulletinError(f"{path}: cannot read it ({e}) — fix the table") from None


def model_rows(con) -> list[tuple]:
    """models.csv as (model, weapon_class, kind, weapons), checked."""
    out = []
    rows = read_table(con, MODELS_CSV, {"model": "VARCHAR", "weapon_class": "VARCHAR",
                                        "kind": "VARCHAR", "weapons": "VARCHAR",
                                        "note": "VARCHAR"})
    for line, (model, weapon_class, kind, weapons, _note) in enumerate(rows, 2):
        if not model or weapon_class not in WEAPON_CLASSES or not kind:
            raise BulletinError(
                f"{MODELS_CSV}:{line}: model {model!r} needs a weapon class "
                f"({', '.join(WEAPON_CLASSES)}) and a kind — fix the row")
        names = [w.strip() for w in (weapons or "").split(";") if w.strip()]
        out.append((model, weapon_class, kind, names))
    return out


def poster_rows(con) -> list[tuple]:
    """posters.csv as (account in lower case, poster, scope), checked."""
    out = []
    rows = read_table(con, POSTERS_CSV, {"account": "VARCHAR", "poster": "VARCHAR",
                                         "scope": "VARCHAR", "note": "VARCHAR"})
    for line, (account, poster, scope, _note) in enumerate(rows, 2):
        if not account or not poster or scope not in SCOPES:
            raise BulletinError(
                f"{POSTERS_CSV}:{line}: account {account!r} needs a poster and a "
                f"scope ({', '.join(SCOPES)}) — fix the row")
        out.append((account.lower(), poster, scope))
    return out


# One cell as a value: blank and "NaN" (how pandas writes a missing value)
# are no value.
CELL = "case when trim({c}) in ('', 'NaN', 'nan') then null else trim({c}) end"
TIME_FORMATS = "['%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d']"


def _parse_sql(columns: list[str]) -> str:
    """SELECT over temp tables `bulletin_file` (+ `bulletin_file_lines`):
    the rows of bulletin_rows, less load_id, each with its problems."""
    cell = {c: CELL.format(c=f'"{c}"') for c in REQUIRED}
    checks = []
    for c in ("time_start", "time_end"):
        checks.append(
            f"case when {cell[c]} is null then '{c} is empty — give the wave''s "
            f"{'start' if c == 'time_start' else 'end'} as YYYY-MM-DD HH:MM (Kyiv "
            "time) or YYYY-MM-DD' "
            f"when try_strptime({cell[c]}, {TIME_FORMATS}) is null then "
            f"format('{c} ''{{}}'' is not a date or time — write YYYY-MM-DD HH:MM "
            f"or YYYY-MM-DD', {cell[c]}) end")
    checks.append(
        f"case when try_strptime({cell['time_end']}, {TIME_FORMATS}) "
        f"< try_strptime({cell['time_start']}, {TIME_FORMATS}) then "
        f"format('time_end {{}} is before time_start {{}} — fix the times', "
        f"{cell['time_end']}, {cell['time_start']}) end")
    checks.append(f"case when {cell['model']} is null then 'model is empty — name "
                  "the weapon model (see etl/bulletin/models.csv)' end")
    for c in COUNTS:
        number = f"try_cast({cell[c]} as double)"
        checks.append(
            f"case when {cell[c]} is not null and {number} is null then "
            f"format('{c} ''{{}}'' is not a number — write a whole count (93 or "
            f"93.0), or leave it empty', {cell[c]}) "
            f"when {cell[c]} is not null and not (isfinite({number}) and {number} >= 0 "
            f"and {number} = floor({number})) then "
            f"format('{c} ''{{}}'' is not a whole count of 0 or more — write a "
            f"whole count, or leave it empty', {cell[c]}) end")
    counts = ",\n".join(
        f"case when isfinite(try_cast({cell[c]} as double)) and "
        f"try_cast({cell[c]} as double) = floor(try_cast({cell[c]} as double)) "
        f"and try_cast({cell[c]} as double) >= 0 "
        f"then try_cast({cell[c]} as double)::bigint end as {c}" for c in COUNTS)
    written = ", ".join(f"'{c}': \"{c}\"" for c in columns)
    return f"""
        select
            lines.line,
            "time_start",
            "time_end",
            try_strptime({cell['time_start']}, {TIME_FORMATS}) as starts_at,
            try_strptime({cell['time_end']}, {TIME_FORMATS}) as ends_at,
            strpos({cell['time_start']}, ':') > 0 as start_has_time,
            strpos({cell['time_end']}, ':') > 0 as end_has_time,
            {cell['model']} as model,
            {cell['launch_place']} as launch_place,
            {cell['target']} as target,
            {counts},
            {cell['source']} as source,
            nullif(array_to_string(
                [p for p in [{', '.join(checks)}] if p is not null], '; '), '')
                as problem,
            to_json({{{written}}})::varchar as as_written
        from (select rowid as pos, * from bulletin_file) as file
        inner join bulletin_file_lines as lines on lines.pos = file.pos
    """


_COLUMN_COUNT = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def _reject_problem(error_type: str, message: str) -> str:
    found = _COLUMN_COUNT.search(message or "")
    if found:
        return (f"the row has {found[2]} fields, the header {found[1]} — check its "
                "commas and quotes (a field with a comma is written \"like, this\")")
    return (f"{(error_type or 'unreadable row').lower()}: {message} — fix the row's "
            "quoting or encoding")


def _read_rows(con, path: Path, columns: list[str]) -> None:
    """Read the file into the temp table `bulletin_parsed`: the rows of
    bulletin_rows (less load_id), every data row with the line it starts on."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    starts, duckdb_lines = record_lines(text)
    types = {c: "VARCHAR" for c in columns}
    try:
        con.execute(
            "create or replace temp table bulletin_file as select * from "
            "read_csv($path, header = true, auto_detect = false, columns = $columns, "
            "delim = ',', quote = '\"', escape = '\"', store_rejects = true, "
            "parallel = false)", {"path": str(path), "columns": types})
        rejects = con.execute(
            "select line, any_value(error_type), string_agg(error_message, '; ') "
            "from reject_errors group by line order by line").fetchall()
    except duckdb.Error as e:
        raise BulletinError(f"{path}: cannot read the file as CSV ({e}) — give "
                            f"{HOW_TO_GET}, comma-separated, UTF-8") from None
    rejected = {duckdb_lines.get(line, line): _reject_problem(kind, message)
                for line, kind, message in rejects}
    good_lines = [n for n in starts[1:] if n not in rejected]
    n_read = con.execute("select count(*) from bulletin_file").fetchone()[0]
    if n_read < len(good_lines):
        # DuckDB ends the file at a quote that never closes: the rows from
        # there on are not read at all.
        first_unread, good_lines = good_lines[n_read], good_lines[:n_read]
        last_line = max(n for n, line in enumerate(text.split("\n"), 1) if line.strip())
        rejected[first_unread] = (
            f"lines {first_unread} to {last_line} were not read: a quote opened "
            "on this row never closes — close it (a field with a comma or a line "
            "break is written \"like, this\")")
    elif n_read > len(good_lines):  # cannot place them: number the records
        good_lines = list(range(2, n_read + 2))
    con.execute("create or replace temp table bulletin_file_lines as "
                "select unnest($lines::integer[]) as line, "
                "generate_subscripts($lines::integer[], 1) - 1 as pos",
                {"lines": good_lines})
    con.execute("create or replace temp table bulletin_parsed as "
                + _parse_sql(columns))
    # A row DuckDB could not split into the header's columns: its line and
    # problem, and its text as written.
    for line, problem in rejected.items():
        con.execute("insert into bulletin_parsed (line, problem, as_written) "
                    "values (?, ?, ?)", [line, problem, _line_text(text, line)])


def _line_text(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1].rstrip("\r") if line <= len(lines) else ""


ROW_COLUMNS = ("line", "time_start", "time_end", "starts_at", "ends_at",
               "start_has_time", "end_has_time", "model", "launch_place", "target",
               *COUNTS, "source", "problem", "as_written")


def _latest_load(con):
    return con.execute(
        "select load_id, path, content_hash, tables_hash, n_rows, n_bad "
        "from bulletin_loads order by load_id desc limit 1").fetchone()


def _summary(con, path: str, load_id: int, skipped: bool) -> BulletinLoad:
    n_rows, n_bad = con.execute(
        "select count(*), count(problem) from bulletin_rows").fetchone()
    n_nights, first, last = con.execute(
        "select count(distinct night), min(night), max(night) from bulletin_nights"
    ).fetchone()
    problems = [f"{path}:{line}: {problem}" for line, problem in con.execute(
        "select line, problem from bulletin_rows where problem is not null "
        "order by line").fetchall()]
    warnings = [
        f"{path}:{line}: model {model!r} ({n:,} rows) is not in {MODELS_CSV} — add "
        "it there with its weapon class, kind and weapons; its rows are kept but "
        "counted in no figure"
        for model, n, line in con.execute(
            "select model, count(*), min(line) from ("
            "  select line, unnest(unknown_models) as model from bulletin_waves) "
            "group by model order by min(line)").fetchall()]
    warnings += [
        f"{path}:{line}: source account {account!r} ({n:,} rows) is not in "
        f"{POSTERS_CSV} — add it there with its scope; its rows count in no "
        "night figure"
        for account, n, line in con.execute(
            "select account, count(*), min(line) from bulletin_waves "
            "where poster is null group by account order by min(line)").fetchall()]
    return BulletinLoad(path, load_id, skipped, n_rows, n_bad, n_nights, first, last,
                        problems, warnings)


def load_bulletins(path, db=None) -> BulletinLoad:
    """Load bulletin file `path` into database `db`, replacing the previous load.

    Skipped when the file and the model/poster tables are unchanged since
    the last load. Raises BulletinError when the file cannot be read or a
    required column is missing; bad rows are kept with their problem and
    listed in `BulletinLoad.problems` (`PATH:LINE: what — fix`).
    """
    path = Path(path)
    if not path.is_file():
        raise BulletinError(f"{path}: no such file — give the path of {HOW_TO_GET}")
    content_hash = file_hash(path)
    tables_hash = file_hash(MODELS_CSV, POSTERS_CSV)
    con = warehouse.connect(db)
    try:
        warehouse.apply_sql(con)
        latest = _latest_load(con)
        if latest and latest[2] == content_hash and latest[3] == tables_hash:
            return _summary(con, str(path), latest[0], skipped=True)
        columns = read_header(path)
        check_header(path, columns)
        models, posters = model_rows(con), poster_rows(con)
        _read_rows(con, path, columns)
        load_id = (latest[0] if latest else 0) + 1
        con.begin()
        try:
            for table in ("bulletin_rows", "bulletin_models", "bulletin_posters"):
                con.execute(f"delete from {table}")
            con.executemany("insert into bulletin_models values (?, ?, ?, ?)", models)
            con.executemany("insert into bulletin_posters values (?, ?, ?)", posters)
            con.execute(f"insert into bulletin_rows (load_id, {', '.join(ROW_COLUMNS)}) "
                        f"select $load_id, {', '.join(ROW_COLUMNS)} from bulletin_parsed",
                        {"load_id": load_id})
            con.execute(
                "insert into bulletin_loads select $load_id, now()::timestamp, $path, "
                "$content_hash, $tables_hash, count(*), count(problem) "
                "from bulletin_parsed",
                {"load_id": load_id, "path": str(path), "content_hash": content_hash,
                 "tables_hash": tables_hash})
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return _summary(con, str(path), load_id, skipped=False)
    finally:
        con.close()
