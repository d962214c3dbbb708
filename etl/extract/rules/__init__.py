"""Lexicons and pattern tables: the data the extraction engine reads.

Each module holds constants first; where a module also offers a finder
(`find_places`, `find_weapons`, `find_sides`, `find_claimants`), the finder
only compiles the constants into regexes (places, weapons and claimants:
one per first character, so a position tries only the names that can
start there) and turns matches into records.

    etl.extract.rules.places     gazetteer  -> find_places(text, start, end) -> list[Place]
    etl.extract.rules.weapons    weapon table -> find_weapons(text, *, generic=False) -> list[WeaponMention]
                         is_model_designation(token) -> bool, MODEL_DESIGNATION_RE, CALIBRE_RE
    etl.extract.rules.sides      demonyms, actors -> find_sides(text) -> list[SideMention]
    etl.extract.rules.claimants  attribution lexicon (used by etl.extract.claimants)
"""
