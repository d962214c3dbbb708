"""The Ukrainian Air Force bulletins: reference data loaded into the warehouse.

A source of its own, beside the articles: the public "Massive Missile
Attacks on Ukraine" dataset (one row per attack wave and weapon model,
compiled from the Air Force's posts) is read with DuckDB into the tables
`bulletin_rows`, `bulletin_models` and `bulletin_posters`; the views
`bulletin_waves`, `bulletin_nights`, `bulletin_checks` and
`bulletin_reconciliation` (sql/views/) hold the news against it.

Public surface:
    load_bulletins(path, db=None) -> BulletinLoad   load (or skip) one file
    BulletinLoad        what a load did: rows, bad rows, nights, problems
    BulletinError       a file that cannot be loaded at all (missing column)
    MODELS_CSV          the model table: model -> weapon class, kind, weapons
    POSTERS_CSV         the accounts that post bulletins, national or regional
    EXPECTED_HEADER     the dataset's header

Inside: `loader` (reading, checking, the one-transaction replace);
`models.csv` and `posters.csv` are the data.
"""
from etl.bulletin.loader import (EXPECTED_HEADER, MODELS_CSV, POSTERS_CSV,
                                 BulletinError, BulletinLoad, load_bulletins)

__all__ = ["BulletinError", "BulletinLoad", "EXPECTED_HEADER", "MODELS_CSV",
           "POSTERS_CSV", "load_bulletins"]
