"""Currency codes a salary can be stated in: ISO 4217's current codes (``data/currencies.yaml``).

The list is read on first use of a code outside the three written with a symbol
(USD, GBP, EUR), so the usual posting never reads it.
"""

from __future__ import annotations

from ._errors import InvalidInputError
from ._models import CURRENCY_SYMBOLS
from ._packaged import package_file, read_once

__all__ = ["currency_code", "currency_codes"]


@read_once
def currency_codes() -> dict[str, str]:
    """Every code a salary can be stated in, with the currency's name (read once)."""
    from ._loader import load_trusted_yaml

    raw = load_trusted_yaml(package_file("data", "currencies.yaml").read_text(encoding="utf-8"))
    return {str(code): str(name) for code, name in raw["currencies"].items()}


def currency_code(value: object) -> str:
    """``value`` as an ISO 4217 code in capitals ("usd" -> "USD"), or an error that says what is right.

    Examples:
        >>> from csm_roles._currency import currency_code
        >>> currency_code(" chf ")
        'CHF'
        >>> currency_code("GPB")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        csm_roles._errors.InvalidInputError: 'GPB' is not a current ISO 4217 currency code (did you ...
    """
    code = value.strip().upper() if isinstance(value, str) else None
    if code is not None and (code in CURRENCY_SYMBOLS or code in currency_codes()):
        return code
    if code is None or len(code) != 3:
        raise InvalidInputError(
            f"currency must be a three-letter ISO 4217 code (such as USD, EUR or GBP); got {value!r}"
        )
    import difflib  # only for a wrong code

    codes = currency_codes()
    # letters swapped ("GPB") first, then the closest spelling
    near = [other for other in codes if sorted(other) == sorted(code)] or difflib.get_close_matches(
        code, codes, n=1, cutoff=0.6
    )
    hint = f"did you mean {near[0]} ({codes[near[0]]})?" if near else "such as USD, EUR or GBP"
    raise InvalidInputError(f"{value!r} is not a current ISO 4217 currency code ({hint})")
