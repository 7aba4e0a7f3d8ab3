"""Pay bands: choosing among sources, adjusting for a metro, and placing an offer.

The default source policy, the metro formula and the Remote answer are documented
here and in ``docs/reference/data-format.md``; they are the only places the library computes
a number the guides do not state, and every such number says how it was derived.
"""

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from ._errors import InvalidInputError, NoFigureError
from ._limits import MAX_SALARY
from ._models import LevelBand, Metro, MoneyRange, PercentRange, Record, Source

__all__ = ["OfferComparison", "PayBand", "adjust_for_metro", "choose_band", "compare", "plain_band"]


class PayBand(Record):
    """A pay band for a level, from one source, possibly adjusted for a metro.

    ``derived`` is ``True`` when the library computed the figures (a metro
    adjustment); ``formula`` then says how, and ``sources`` names every source used.

    Examples:
        >>> import csm_roles
        >>> band = csm_roles.salary_band("senior", source="jd-template-2025")
        >>> str(band.base), band.derived
        ('$100,000–$130,000', False)
    """

    level: str
    metro: str | None = None
    metro_name: str | None = None
    segment: str | None = None
    base: MoneyRange | None = None
    ote: MoneyRange | None = None
    total: MoneyRange | None = None
    bonus_pct: PercentRange | None = None
    variable: str | None = None
    source: str
    sources: tuple[str, ...]
    derived: bool = False
    formula: str | None = None
    note: str | None = None


class OfferComparison(Record):
    """Where a base salary sits against a band.

    ``position`` is below / within / above. ``fraction`` places the salary on the
    band: 0.0 at its bottom, 1.0 at its top, negative below, above 1.0 above.
    ``distance`` is how far outside the band it is, as a fraction of the band's
    width (0.0 when within); ``gap`` is the same in dollars.

    Examples:
        >>> csm_roles.compare_offer(130_000, "mid").position
        'above'
    """

    base: int
    level: str
    metro: str | None
    band: PayBand
    position: Literal["below", "within", "above"]
    fraction: float
    distance: float
    gap: int

    @property
    def summary(self) -> str:
        """One sentence for people: where the offer sits and by how much."""
        band = self.band.base
        where = f"{self.band.level} band {band}" + (f" in {self.band.metro_name}" if self.metro else "")
        if self.position == "within":
            return f"${self.base:,} is within the {where}, {self.fraction:.0%} of the way up."
        return (
            f"${self.base:,} is {self.position} the {where} by ${self.gap:,} "
            f"({self.distance:.0%} of the band's width)."
        )


def _year(source: Source) -> int:
    return source.year if isinstance(source.year, int) else -1


def choose_band(bands: Sequence[LevelBand], sources: dict[str, Source], level: str) -> LevelBand:
    """The default policy: the band from the most recent dated source wins.

    Undated sources come after dated ones; among equals, data order decides. So the
    2026 guide's band is the default wherever it has one for the level, and the
    2025 guide's band is used where only it does.
    """
    if not bands:
        raise NoFigureError(f"the guides give no pay band for the {level!r} level")
    return max(enumerate(bands), key=lambda item: (_year(sources[item[1].source]), -item[0]))[1]


def plain_band(band: LevelBand) -> PayBand:
    """A source's band as it stands, unadjusted.

    Built with ``model_construct``: every value comes from an already validated (or
    CI-validated) record, so validating again would only cost time on a hot path.
    """
    return PayBand.model_construct(
        level=band.level,
        segment=band.segment,
        base=band.base,
        ote=band.ote,
        total=band.total,
        bonus_pct=band.bonus_pct,
        variable=band.variable,
        source=band.source,
        sources=(band.source,),
    )


def _scale(money: MoneyRange | None, low_pct: float, high_pct: float) -> MoneyRange | None:
    if money is None:
        return None

    def scaled(amount: int, pct: float) -> int:  # exact: a percentage of a whole-dollar amount
        return _round(amount * (100 + Fraction(str(pct))) / 100)

    high = None if money.high is None else scaled(money.high, high_pct)
    return MoneyRange.model_construct(low=scaled(money.low, low_pct), high=high, open_ended=money.open_ended)


def _round(amount: float | Decimal | Fraction) -> int:
    """Round half up to a whole dollar (Python's round() would go to even), exactly."""
    exact = Fraction(amount) if not isinstance(amount, Fraction) else amount
    return math.floor(exact + Fraction(1, 2))


def adjust_for_metro(band: LevelBand, metro: Metro) -> PayBand:
    """The level band adjusted by the metro's cost-of-living range.

    Formula: the band's low end times (1 + the adjustment's low end), its high end
    times (1 + the adjustment's high end), rounded to whole dollars; base, OTE and
    total are scaled alike and bonus percentages are kept. The baseline metro
    (Atlanta) leaves the band unchanged. Remote has no numeric factor in the guides,
    so the band is returned unadjusted and ``note`` says so.
    """
    sources = tuple(dict.fromkeys((band.source, metro.source)))
    plain = plain_band(band)
    adjustment = metro.adjustment
    if adjustment.kind == "location-adjusted":
        return plain.model_copy(
            update={
                "metro": metro.key,
                "metro_name": metro.name,
                "sources": sources,
                "note": (
                    f"{metro.name}: {metro.source} gives no numeric cost-of-living factor "
                    f"(it says pay is location-adjusted, by geographic bands), so this band is not "
                    f"adjusted. The same guide reports {metro.base} base for {metro.name} CSMs at large."
                ),
            }
        )
    low_pct = adjustment.low or 0.0
    high_pct = adjustment.high or 0.0
    if adjustment.kind == "baseline":
        formula = f"unchanged: {metro.name} is the baseline of {metro.source}'s cost-of-living adjustments"
    else:
        formula = (
            f"low × (1 + {low_pct:g}%), high × (1 + {high_pct:g}%) with {metro.name}'s "
            f"cost-of-living adjustment of {adjustment} from {metro.source}, "
            f"applied to the {band.level} band from {band.source}; rounded to whole dollars"
        )
    return plain.model_copy(
        update={
            "metro": metro.key,
            "metro_name": metro.name,
            "base": _scale(band.base, low_pct, high_pct),
            "ote": _scale(band.ote, low_pct, high_pct),
            "total": _scale(band.total, low_pct, high_pct),
            "sources": sources,
            "derived": True,
            "formula": formula,
        }
    )


def compare(base: object, band: PayBand) -> OfferComparison:
    """Place a base salary against the base range of ``band``."""
    amount = check_salary(base)
    money = band.base
    if money is None or money.high is None:
        raise NoFigureError(
            f"the {band.level!r} band from {band.source} has no closed base range to compare with"
            + (f" (it gives total pay {band.total})" if band.total else "")
        )
    width = max(money.high - money.low, 1)
    fraction = (amount - money.low) / width
    if amount < money.low:
        position: Literal["below", "within", "above"] = "below"
        gap = money.low - amount
    elif amount > money.high:
        position, gap = "above", amount - money.high
    else:
        position, gap = "within", 0
    return OfferComparison.model_construct(  # every value is computed here from a checked band
        base=amount,
        level=band.level,
        metro=band.metro,
        band=band,
        position=position,
        fraction=fraction,
        distance=gap / width,
        gap=gap,
    )


def check_salary(base: object) -> int:
    """A salary as a whole number of dollars, or a clear error.

    Takes an ``int``, a ``float`` or a ``Decimal`` (never a ``bool``), rounds half up to
    a whole dollar without going through a float, and refuses NaN, infinity, negative
    amounts and amounts above `MAX_SALARY`.

    Examples:
        >>> from decimal import Decimal
        >>> check_salary(Decimal("95000.50")), check_salary(94_999.5)
        (95001, 95000)
    """
    if isinstance(base, bool) or not isinstance(base, (int, float, Decimal)):
        raise TypeError(f"a salary must be a number of dollars a year (int, float or Decimal), got {base!r}")
    if (isinstance(base, Decimal) and not base.is_finite()) or (
        isinstance(base, float) and not math.isfinite(base)
    ):
        raise InvalidInputError(f"a salary must be a finite number, got {base!r}")
    if base < 0:
        raise InvalidInputError(f"a salary cannot be negative, got {base!r}")
    if base > MAX_SALARY:
        raise InvalidInputError(f"a salary above ${MAX_SALARY:,} a year is not plausible, got {_short(base)}")
    return _round(base)


def _short(number: object) -> str:
    text = str(number)
    return text if len(text) <= 30 else f"a number of {len(text)} digits"
