"""Every limit csm-roles puts on what it reads and renders, in one place.

Input comes from users: files, postings, templates. Each limit below keeps one of
them from taking unbounded time or memory, and each refusal names the limit and how
to raise it where that makes sense (the readers take ``max_bytes=``, `lint_jd`
takes ``max_chars=``). The figures are our own choices, set far above anything the
built-in data or a real posting needs.
"""

from __future__ import annotations

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_FINDINGS_PER_RULE",
    "MAX_MONEY",
    "MAX_NODES",
    "MAX_PHRASE_CHARS",
    "MAX_PHRASE_FORMS",
    "MAX_PHRASE_WORDS",
    "MAX_POSTING_BYTES",
    "MAX_POSTING_CHARS",
    "MAX_REQUEST_BYTES",
    "MAX_SALARY",
    "MAX_TEMPLATE_CHARS",
    "MAX_TEMPLATE_NUMBER",
    "MAX_TEMPLATE_SECONDS",
]

#: The largest data, rules or company file a reader accepts, in bytes (2 MiB). The
#: built-in dataset is under 0.1 MiB.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: The deepest nesting of mappings and lists a YAML file may have. The data format
#: needs six levels; the limit keeps the parser's recursion far from the stack's end.
MAX_DEPTH = 64
#: How many values a YAML file may hold once its aliases are expanded.
MAX_NODES = 200_000
#: The largest posting the command line reads from a file or standard input, in
#: bytes (32 MiB): real postings are a few kilobytes.
MAX_POSTING_BYTES = 32 * 1024 * 1024
#: The largest request body the HTTP server reads (1 MiB): a posting to lint or the
#: fields of a job description are a few kilobytes. A larger body gets status 413
#: before it is read whole.
MAX_REQUEST_BYTES = 1024 * 1024

# -- the linter (see _lint.py and _phrases.py) ------------------------------------------

#: The longest posting `lint_jd` takes, in characters (32 Mi, the command line's byte
#: limit): real postings are a few thousand. Pass ``max_chars=`` to raise it; the
#: linter's time and memory grow in step with the text.
MAX_POSTING_CHARS = 32 * 1024 * 1024
#: How many findings one rule reports in one posting; past it, one summary finding
#: says how many more there were. A real posting gives a handful per rule.
MAX_FINDINGS_PER_RULE = 100
#: The longest phrase in a rules file, in characters, and the most words it may have:
#: together they bound the work of matching at any one place in a posting.
MAX_PHRASE_CHARS = 100
MAX_PHRASE_WORDS = 12
#: How many spellings one rule's phrase list may stand for once every ``a|b``
#: alternative is spelt out (the built-in rules use a few hundred).
MAX_PHRASE_FORMS = 20_000

# -- users' templates (see _sandbox.py) ----------------------------------------------

#: The longest output, and the longest single string, a user's template may make:
#: 2 million characters (a generated posting is about 5,000).
MAX_TEMPLATE_CHARS = 2_000_000
#: The largest number a user's template may pass to a function or filter (a width, a
#: count, a range): padding or repeating more than this has no use in a posting.
MAX_TEMPLATE_NUMBER = 100_000
#: How long one render of a user's template may run, in seconds (ours take milliseconds).
MAX_TEMPLATE_SECONDS = 5.0

# -- numbers ----------------------------------------------------------------------------

#: The largest yearly salary the library accepts from a caller ($100 million): far above
#: any CSM's pay, far below the numbers that would overflow a float on the way to JSON.
MAX_SALARY = 100_000_000
#: The largest amount of money a data file may hold ($1 billion: pay, contract values).
MAX_MONEY = 1_000_000_000
