"""A long report or transcript loads like a news story: extraction time
grows with length alone, so MAX_ARTICLE_CHARS refuses only what would not
fit a worker's memory. No timing is asserted here (`make bench` measures
seconds per MB by length); this checks that a 5 MB article is taken."""
import json

import duckdb
import pytest
from click.testing import CliRunner

from bench.corpus import long_article
from etl.cli import cli
from etl.settings import DEFAULTS

FIVE_MB = 5_000_000


@pytest.mark.slow
def test_a_5_mb_article_ingests(tmp_path):
    article = long_article(FIVE_MB, seed=5)      # numbers and facts as dense as news
    assert len(article.text) == FIVE_MB <= DEFAULTS["MAX_ARTICLE_CHARS"]
    corpus = tmp_path / "transcript.jsonl"
    corpus.write_text(json.dumps({"id": article.id, "text": article.text,
                                  "published": "2024-08-23"}) + "\n")
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", "-j", "1", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "1 loaded" in result.stdout and "0 failed" in result.stdout
    con = duckdb.connect(str(db), read_only=True)
    try:
        (chars,) = con.execute("select n_chars from articles").fetchone()
        n, first, last, wrong = con.execute(
            "select count(*), min(quote_start), max(quote_end), "
            "count(*) filter (where quote_end - quote_start <> length(quote)) "
            "from facts").fetchone()
    finally:
        con.close()
    assert chars == FIVE_MB
    # Facts from the whole length of the article, not its first megabyte.
    assert n > 1000 and first < 10_000 and last > FIVE_MB - 20_000 and wrong == 0
