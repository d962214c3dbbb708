"""The unit registry: etl/extract/units.txt, unit_for_metric, to_km2.

Groups:
    QUANTITIES      text -> the Quantity pint reads, or the error it raises
    MIXES           counted items of different kinds never add up
    TERRITORY       area spellings -> whole km², rounded half up
    coverage tests  every name in units.txt parses; every FACTS.md metric
                    has a unit
New spellings go in QUANTITIES (or TERRITORY for areas), one row each.
"""
from __future__ import annotations

import re
from contextlib import nullcontext as does_not_raise
from pathlib import Path

import pint
import pytest

from etl.extract.units import DEFINITIONS, METRIC_UNITS, Q_, to_km2, unit_for_metric, ureg

FACTS = Path(__file__).resolve().parents[2] / "shared" / "spec" / "FACTS.md"


@pytest.fixture(scope="module")
def registry_tiny():
    """A registry holding only etl/extract/units.txt: our file stands on its own."""
    reg = pint.UnitRegistry(None, on_redefinition="raise")
    reg.load_definitions(DEFINITIONS)
    return reg


# text -> (magnitude, unit) | an expectation of an error
QUANTITIES = [
    ("132 drones", (132, "drone"), does_not_raise()),
    ("17 UAVs", (17, "drone"), does_not_raise()),
    ("3 missiles", (3, "missile"), does_not_raise()),
    ("4 rockets", (4, "missile"), does_not_raise()),
    ("900 bombs", (900, "bomb"), does_not_raise()),
    ("10000 shells", (10000, "shell"), does_not_raise()),
    ("50 rounds", (50, "shell"), does_not_raise()),
    ("8 people", (8, "person"), does_not_raise()),
    ("300 soldiers", (300, "person"), does_not_raise()),
    ("8000 troops", (8000, "person"), does_not_raise()),
    ("115 POWs", (115, "person"), does_not_raise()),
    ("1500 casualties", (1500, "person"), does_not_raise()),
    ("2 children", (2, "person"), does_not_raise()),
    ("909 bodies", (909, "body"), does_not_raise()),
    ("9 tanks", (9, "item"), does_not_raise()),
    ("3 vehicles", (3, "item"), does_not_raise()),
    ("13 buildings", (13, "building"), does_not_raise()),
    ("4 homes", (4, "building"), does_not_raise()),
    ("2 villages", (2, "settlement"), does_not_raise()),
    ("146 clashes", (146, "attack"), does_not_raise()),
    ("5124 assaults", (5124, "attack"), does_not_raise()),
    ("1000 km**2", (1000, "kilometer ** 2"), does_not_raise()),
    ("1000 sq km", (1000, "kilometer ** 2"), does_not_raise()),
    ("1000 km2", (1000, "kilometer ** 2"), does_not_raise()),
    ("12 sq. km", (12, "kilometer ** 2"), does_not_raise()),
    ("5 zorbs", None, pytest.raises(pint.UndefinedUnitError)),
    ("5 drone + 2 person", None, pytest.raises(pint.DimensionalityError)),
]


@pytest.mark.parametrize("text, expected, expectation", QUANTITIES,
                         ids=[q[0] for q in QUANTITIES])
def test_quantities(text, expected, expectation):
    with expectation:
        q = ureg.parse_expression(text)
        assert (q.magnitude, str(q.units)) == expected


MIXES = [("drone", "person"), ("drone", "missile"), ("missile", "shell"),
         ("bomb", "shell"), ("person", "body"), ("building", "settlement"),
         ("attack", "drone"), ("item", "person"), ("km**2", "settlement")]


@pytest.mark.parametrize("a, b", MIXES, ids=[f"{a}+{b}" for a, b in MIXES])
def test_different_items_never_add(a, b):
    with pytest.raises(pint.DimensionalityError):
        Q_(1, a) + Q_(1, b)


def test_items_of_one_kind_add():
    assert Q_(2, "tank") + Q_(3, "vehicle") == Q_(5, "item")
    assert Q_(1, "soldier") + Q_(1, "civilian") == Q_(2, "person")


# (value, unit text) -> whole km²
TERRITORY = [
    (1000, "square kilometres", 1000),
    (1000, "square kilometers", 1000),
    (1000, "km²", 1000),
    (1000, "sq km", 1000),
    (12, "sq. km", 12),
    (1, "square mile", 3),            # 2.58999 km²
    (1, "sq mi", 3),
    (100, "square miles", 259),       # 258.999 km²
    (150, "hectares", 2),             # 1.5 rounds half up
    (149, "hectares", 1),
    (250, "ha", 3),                   # 2.5 rounds half up
    (2.5, "km²", 3),
    (0.4, "km2", 0),
    (1000, "acres", 4),               # 4.047 km²
]


@pytest.mark.parametrize("value, unit_text, expected", TERRITORY,
                         ids=[f"{v} {u}" for v, u, _ in TERRITORY])
def test_to_km2_rounds_half_up(value, unit_text, expected):
    assert to_km2(value, unit_text) == expected


@pytest.mark.parametrize("unit_text, error", [
    ("drones", pint.DimensionalityError), ("furlongs per fortnight", pint.DimensionalityError),
    ("zorbs", pint.UndefinedUnitError),
])
def test_to_km2_refuses_what_is_not_an_area(unit_text, error):
    with pytest.raises(error):
        to_km2(1, unit_text)


def _names_in_units_txt():
    """Every name, symbol and alias units.txt defines."""
    names = []
    for line in DEFINITIONS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("@alias"):
            names += [p.strip() for p in line[len("@alias"):].split("=")]
        else:
            parts = [p.strip() for p in line.split("=")]
            names += [parts[0]] + parts[2:]
    return [n for n in names if n and n != "_" and not n.startswith("[")]


@pytest.mark.parametrize("name", _names_in_units_txt())
def test_every_name_in_units_txt_parses(name, registry_tiny):
    assert str(ureg.parse_units(name)) == str(registry_tiny.parse_units(name))
    assert Q_(1, name).magnitude == 1


def test_units_txt_clash_raises():
    reg = pint.UnitRegistry(None, on_redefinition="raise")
    reg.load_definitions(DEFINITIONS)
    with pytest.raises(pint.RedefinitionError):
        reg.load_definitions(DEFINITIONS)


def test_units_txt_has_its_sections():
    text = DEFINITIONS.read_text(encoding="utf-8")
    for section in ("# Personnel", "# Munitions", "# Equipment", "# Places",
                    "# Events", "# Objects"):
        assert section in text


@pytest.mark.parametrize("metric, unit", sorted(METRIC_UNITS.items()))
def test_every_metric_unit_parses(metric, unit):
    assert unit_for_metric(metric) == unit
    ureg.parse_units(unit)


def test_unit_for_an_unknown_metric_names_it():
    with pytest.raises(KeyError, match="drones_eaten"):
        unit_for_metric("drones_eaten")


@pytest.mark.skipif(not FACTS.is_file(), reason=f"{FACTS} is absent")
def test_every_facts_metric_has_a_unit():
    table = FACTS.read_text(encoding="utf-8").split("## Metrics", 1)[1].split("\n## ", 1)[0]
    metrics = re.findall(r"^\| `(\w+)` \|", table, re.M)
    assert len(metrics) >= 25
    assert sorted(set(metrics) - METRIC_UNITS.keys()) == []


def test_pint_is_loaded_only_for_a_conversion():
    """Workers stay ~30 MB lighter (pint brings NumPy) until a figure needs
    converting; km² figures, nearly all of them, never do."""
    import subprocess
    import sys

    code = ("import sys; from etl.extract import extract_text; "
            "f = extract_text('Russian forces captured 235 square kilometres.').facts; "
            "print(f[0].value, 'pint' in sys.modules); "
            "f = extract_text('Russian forces captured 100 square miles.').facts; "
            "print(f[0].value, 'pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["235", "False", "259", "True"]
