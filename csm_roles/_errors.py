"""The exceptions csm-roles raises.

Every error is a `CsmRolesError`, so ``except csm_roles.CsmRolesError`` catches
all of them. Each one is also the built-in exception a Python user would expect:
an unknown key is a `LookupError`, a broken data file or a bad argument is a
`ValueError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = [
    "CsmRolesError",
    "DataFileError",
    "DataNotFoundError",
    "InvalidInputError",
    "NoFigureError",
    "PayTransparencyError",
    "TemplateError",
    "UnknownKeyError",
]


class CsmRolesError(Exception):
    """Base class of every error raised by csm-roles.

    Examples:
        >>> issubclass(csm_roles.UnknownKeyError, csm_roles.CsmRolesError)
        True
    """


class UnknownKeyError(CsmRolesError, LookupError):
    """A key or alias that names no record in a collection.

    Attributes:
        key: the key exactly as the caller gave it.
        kind: what was being looked up (``"level"``, ``"segment"`` ...).
        choices: the valid keys, in data order.
        suggestion: the closest valid key or alias, or ``None``.

    >>> import csm_roles
    >>> try:
    ...     csm_roles.segment("enterprize")
    ... except csm_roles.UnknownKeyError as err:
    ...     print(err.suggestion)
    enterprise
    """

    def __init__(
        self,
        kind: str,
        key: str,
        choices: Sequence[str],
        *,
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        self.kind = kind
        self.key = key
        self.choices = tuple(choices)
        self.suggestion = _closest(key, self.choices, aliases or {})
        hint = f"; did you mean {self.suggestion!r}?" if self.suggestion else "."
        listed = ", ".join(self.choices) if self.choices else "(none)"
        super().__init__(f"unknown {kind} {key!r}{hint} Valid {kind} keys: {listed}.")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.kind, self.key, self.choices))


class NoFigureError(CsmRolesError, LookupError):
    """The guides give no figure for what was asked (for example a manager's pay band).

    The library never makes a number up: it says which figures do exist instead.

    Examples:
        >>> try:
        ...     csm_roles.salary_band("manager")
        ... except csm_roles.NoFigureError as err:
        ...     print("no band")
        no band
    """


class InvalidInputError(CsmRolesError, ValueError):
    """An argument has the right type but a value that cannot be used (a negative salary).

    Examples:
        >>> try:
        ...     csm_roles.compare_offer(-5, "mid")
        ... except csm_roles.InvalidInputError as err:
        ...     print(err)
        a salary cannot be negative, got -5
    """


class PayTransparencyError(CsmRolesError, ValueError):
    """A posting lacks what a pay-transparency law of its place requires.

    The message names each law, the element it requires and the field that would
    supply it; ``problems`` holds the same as (element, field, laws) tuples.
    ``generate_jd(..., draft=True)`` turns these into warnings instead.

    Examples:
        >>> try:
        ...     csm_roles.generate_jd("smb", location="Denver, CO", company="Acme", pay=(60_000, 70_000))
        ... except csm_roles.PayTransparencyError as err:
        ...     print(sorted(element for element, _, _ in err.problems))
        ['benefits', 'deadline', 'how-to-apply', 'other-compensation']
    """

    def __init__(self, message: str, problems: Sequence[tuple[str, str, str]] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.args[0], self.problems))


class TemplateError(CsmRolesError, ValueError):
    """A template could not be rendered: bad syntax, an undefined value, or code the sandbox refused.

    Examples:
        >>> issubclass(csm_roles.TemplateError, ValueError)
        True
    """


class DataNotFoundError(CsmRolesError, FileNotFoundError):
    """A data file (the built-in dataset or a company's file) could not be found.

    Examples:
        >>> try:
        ...     csm_roles.load_benchmarks("/no/such/file.yaml")
        ... except csm_roles.DataNotFoundError:
        ...     print("missing")
        missing
    """


class DataFileError(CsmRolesError, ValueError):
    """A data file could not be read or does not match the data format.

    Attributes:
        path: the file, as given (``"<string>"`` for text that came from memory).
        line: 1-based line of the problem, where YAML can tell it, else ``None``.
        column: 1-based column, where YAML can tell it, else ``None``.
        field: dotted path of the offending field (``"levels.2.experience.0.low"``),
            or ``None`` for a problem with the file as a whole.
        problem: what is wrong, without the location.
        more: the file's other problems (the first 20), each a `DataFileError` of
            its own; the message counts them all, ``csm-roles validate`` lists them.

    Examples:
        >>> try:
        ...     csm_roles.Benchmarks(csm_roles._loader.dataset_from_text("format_version: 2"))
        ... except csm_roles.DataFileError as err:
        ...     print(err.field)
        format_version
    """

    def __init__(
        self,
        path: str,
        problem: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        more: tuple[DataFileError, ...] = (),
        more_count: int | None = None,
    ) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        self.column = column
        self.field = field
        self.more = more
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        message = f"{where}: {field}: {problem}" if field else f"{where}: {problem}"
        others = self.more_count = len(more) if more_count is None else more_count
        if others:
            message += f" [and {others:,} more problem{'s' if others > 1 else ''}]"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_data_file_error,
            (self.path, self.problem, self.line, self.column, self.field, self.more, self.more_count),
        )


def _rebuild_data_file_error(
    path: str,
    problem: str,
    line: int | None,
    column: int | None,
    field: str | None,
    more: tuple[DataFileError, ...] = (),
    more_count: int | None = None,
) -> DataFileError:
    return DataFileError(
        path, problem, line=line, column=column, field=field, more=more, more_count=more_count
    )


def _closest(key: str, choices: Sequence[str], aliases: Mapping[str, str]) -> str | None:
    """The valid key whose spelling (key or alias) is nearest to ``key``, if any is close."""
    spellings = {choice.casefold(): choice for choice in choices}
    for alias, target in aliases.items():
        spellings.setdefault(alias.casefold(), target)
    if not isinstance(key, str):
        return None
    import difflib  # only when a key is unknown: not worth its import time at start-up

    match = difflib.get_close_matches(key.casefold().strip(), list(spellings), n=1, cutoff=0.6)
    return spellings[match[0]] if match else None
