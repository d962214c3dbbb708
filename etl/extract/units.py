"""The one pint registry of warstats, and the unit of every metric.

Everything that needs units imports `ureg` and `Q_` from here; a second
registry would make quantities from the two incomparable. Counted items
(drones, people, buildings, ...) are defined in `etl/extract/units.txt`, each its
own dimension so a drone never adds to a person.

    >>> from etl.extract.units import Q_
    >>> Q_(3, "drones") + Q_(2, "UAV")
    <Quantity(5, 'drone')>
    >>> unit_for_metric("drones_downed")
    'drone'
    >>> to_km2(1, "sq mi")
    3
"""
from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pint

DEFINITIONS = Path(__file__).with_name("units.txt")

# Article spellings that are not unit names, rewritten before pint parses
# them. Each pair is (pattern, replacement); order matters only where
# noted. pint itself already reads "square X", "sq X" and "km²".
SPELLINGS = (
    (r"\bsq\.\s*", "sq "),                     # "sq. km" -> "sq km"
    (r"(?<=[a-z])-(?=[a-z])", " "),            # "square-kilometre"
    (r"\b(km|mi|m)2\b", r"\1**2"),             # "km2" -> "km**2"
    (r"\bsquare\s+km\b", "km**2"),             # "square km"
)


def _respell(text: str) -> str:
    for pattern, repl in SPELLINGS:
        text = re.sub(pattern, repl, text)
    return text


@functools.cache
def registry() -> pint.UnitRegistry:
    """The registry, made on first use. pint brings NumPy with it (~30 MB a
    process), and an extractor worker that meets only km² never needs it."""
    import pint

    ureg = pint.UnitRegistry(on_redefinition="raise", preprocessors=[_respell])
    ureg.load_definitions(DEFINITIONS)
    return ureg


def __getattr__(name):
    # `from etl.extract.units import ureg, Q_` makes the registry then.
    if name == "ureg":
        return registry()
    if name == "Q_":
        return registry().Quantity
    raise AttributeError(f"module 'etl.extract.units' has no attribute {name!r}")

# The unit of each metric in spec/FACTS.md (NOTE: keep in sync with the
# "Metrics" table there; tests/test_units.py checks every metric is here).
METRIC_UNITS = {
    "drones_launched": "drone",
    "drones_downed": "drone",
    "drones_lost": "drone",
    "drones_returned": "drone",
    "missiles_launched": "missile",
    "missiles_downed": "missile",
    "bombs_dropped": "bomb",
    "shells_fired": "shell",
    "attacks": "attack",
    "troops_deployed": "person",
    "troops_mobilized": "person",
    "troops_deserted": "person",
    "prisoners_swapped": "person",
    "bodies_repatriated": "body",
    "people_killed": "person",
    "people_injured": "person",
    "casualties": "person",
    "people_without_power": "person",
    "people_evacuated": "person",
    "buildings_damaged": "building",
    "settlements_captured": "settlement",
    "territory_captured": "km**2",
    "equipment_destroyed": "item",
    "weapons_supplied": "item",
    "weapons_requested": "item",
}


def unit_for_metric(metric: str) -> str:
    """The unit string of `metric`'s value; KeyError names an unknown one.

    >>> unit_for_metric("territory_captured")
    'km**2'
    >>> unit_for_metric("prisoners_swapped")
    'person'
    """
    try:
        return METRIC_UNITS[metric]
    except KeyError:
        raise KeyError(f'Metric "{metric}" has no unit in etl/extract/units.py '
                       f"METRIC_UNITS. Add it there (see spec/FACTS.md).") from None


def to_km2(value: float, unit_text: str) -> int:
    """`value` in `unit_text` as whole km², rounded half up (FACTS.md).

    Raises pint's UndefinedUnitError for an unknown unit and
    DimensionalityError for a unit that is not an area.

    >>> to_km2(1000, "square kilometres")
    1000
    >>> to_km2(150, "hectares")
    2
    >>> to_km2(2.5, "km²")
    3
    """
    if unit_text == "km**2":    # as most figures are: nothing to convert
        km2 = value
    else:
        km2 = registry().Quantity(value, unit_text).to("km**2").magnitude
    # Round through a short decimal string so 150 ha (1.5000000000000002
    # in floats) and 1.4999999999 both land where a person would put them.
    exact = Decimal(repr(round(km2, 9)))
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
