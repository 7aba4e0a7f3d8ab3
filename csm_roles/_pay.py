"""Pay bands: choosing among sources, adjusting for a metro, and placing an offer.

The default source policy, the pairing of levels with segments and the metro formula
are documented here and in ``docs/reference/data-format.md``; the metro formula is the
only place the library computes a pay figure the guides do not state, and every such
figure says how it was derived.
"""

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from ._errors import InvalidInputError, NoFigureError
from ._limits import MAX_SALARY
from ._models import LevelBand, Metro, MoneyRange, NationalAverage, PercentRange, Record, Source

__all__ = [
    "OfferComparison",
    "PayBand",
    "adjust_for_metro",
    "choose_band",
    "compare",
    "metro_map",
    "paired_band",
    "plain_band",
]


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


def paired_band(bands: Sequence[LevelBand], sources: dict[str, Source], segment: str) -> LevelBand | None:
    """The band the newest dated guide ties to ``segment`` (guide 004's "Senior / Enterprise"), if any."""
    paired = [band for band in bands if band.segment == segment]
    return choose_band(paired, sources, segment) if paired else None


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
        note=band.note,
    )


def _round(amount: float | Decimal | Fraction) -> int:
    """Round half up to a whole dollar (Python's round() would go to even), exactly."""
    exact = Fraction(amount) if not isinstance(amount, Fraction) else amount
    return math.floor(exact + Fraction(1, 2))


def metro_map(metro: Metro, national: NationalAverage) -> tuple[Fraction, Fraction]:
    """How a metro's pay compares with the nation's, as (offset, factor): offset 0, factor > 1 above it.

    The factor is the midpoint of the metro's average base range over the midpoint of
    the national average range (guide 000 gives both): pay moves in proportion, so a
    band keeps its shape and the metros keep the guide's order (the Bay Area above New
    York above Seattle ... above Atlanta). A straight line through both ranges' ends
    would give back each metro's own range, but it squeezes the top of a senior band
    below the national one in the dearest metros; proportion does not.
    """
    n_low, n_high, m_low, m_high = national.base.low, national.base.high, metro.base.low, metro.base.high
    if n_high is None or m_high is None or n_high + n_low <= 0:
        raise NoFigureError(f"{metro.name}: deriving a metro band needs closed ranges")
    return Fraction(0), Fraction(m_low + m_high, n_low + n_high)


def _mapped(money: MoneyRange | None, offset: Fraction, slope: Fraction) -> MoneyRange | None:
    if money is None:
        return None

    def at(amount: int) -> int:
        return max(_round_thousand(offset + amount * slope), 0)

    top = None if money.high is None else at(money.high)
    return MoneyRange.model_construct(low=at(money.low), high=top, open_ended=money.open_ended)


def _round_thousand(amount: Fraction) -> int:
    """Round half up to the nearest $1,000: a derived figure should not look more exact than it is."""
    return _round(amount / 1000) * 1000


def adjust_for_metro(band: LevelBand, metro: Metro, national: NationalAverage | None) -> PayBand:
    """The level band moved to a metro in proportion to the guide's own metro and national ranges.

    Formula: each end of the band times the metro's factor, the midpoint of its average
    base range over the midpoint of the national average range (see `metro_map`),
    rounded to the nearest $1,000; base and OTE are moved alike and bonus percentages
    kept. A band of total pay only (no base) is not moved: the guides give metro
    figures for base pay. ``derived`` is True and ``formula`` names every input.
    """
    sources = tuple(dict.fromkeys((band.source, metro.source, *((national.source,) if national else ()))))
    plain = plain_band(band)
    where = {"metro": metro.key, "metro_name": metro.name}
    if national is None or band.base is None:
        why = (
            f"{band.source} gives only total pay for this level and the metro figures are base pay"
            if band.base is None
            else "the dataset has no national average to compare the metro with"
        )
        return plain.model_copy(update={**where, "note": f"Not adjusted for {metro.name}: {why}."})
    offset, slope = metro_map(metro, national)
    formula = (
        f"each end times {float(slope):.3f}, the midpoint of {metro.name}'s average base range "
        f"({metro.base}, {metro.source}) over the midpoint of the national average range "
        f"({national.base}, {national.source}), applied to the {band.level} band from {band.source} "
        f"({band.base}); rounded to the nearest $1,000"
    )
    return plain.model_copy(
        update={
            **where,
            "base": _mapped(band.base, offset, slope),
            "ote": _mapped(band.ote, offset, slope),
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
