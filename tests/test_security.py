"""Hostile input: XSS strings in company fields, template injection in user templates."""

from __future__ import annotations

import datetime as dt
import html.parser
import json
from pathlib import Path

import pytest

import csm_roles
from csm_roles._jsonld import dumps

DAY = dt.date(2026, 11, 1)

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '"><script>alert(document.cookie)</script>',
    "'><img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">click</a>',
    "</script><script>alert(1)</script>",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


class _Collect(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(name for name, _ in attrs)


ALLOWED_TAGS = {"article", "h1", "h2", "h3", "p", "ul", "li", "dl", "dt", "dd", "small", "strong"}


def _every_text_field(payload: str) -> dict[str, object]:
    """A profile with ``payload`` in every field a posting prints."""
    return {
        "name": payload,
        "about": payload,
        "culture": payload,
        "reports_to": payload,
        "travel": payload,
        "benefits": [payload],
        "how_to_apply": payload,
        "equal_opportunity": payload,
    }


@pytest.mark.parametrize("payload", XSS)
def test_xss_in_every_company_field_is_escaped_in_html(payload: str) -> None:
    jd = csm_roles.generate_jd(
        "enterprise", company=_every_text_field(payload), title=payload, date_posted=DAY
    )
    page = jd.render("html")
    parser = _Collect()
    parser.feed(page)
    assert set(parser.tags) <= ALLOWED_TAGS
    assert set(parser.attrs) <= {"class"}
    assert "<script" not in page.lower()
    assert payload not in page


@pytest.mark.parametrize("payload", XSS)
def test_xss_is_safe_in_json_ld(payload: str) -> None:
    jd = csm_roles.generate_jd("smb", company=_every_text_field(payload), title=payload, date_posted=DAY)
    text = dumps(jd.to_jsonld())
    assert "<" not in text
    assert ">" not in text
    data = json.loads(text)
    assert data["hiringOrganization"]["name"] == payload
    parser = _Collect()
    parser.feed(data["description"])
    assert set(parser.tags) <= ALLOWED_TAGS
    assert set(parser.attrs) <= {"class"}


INJECTIONS = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ jd.__class__.__init__.__globals__ }}",
    "{{ jd.render.__globals__['os'] }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ self._TemplateReference__context }}",
    "{{ ''.join.__self__.__class__ }}",
    "{{ jd.model_config.__class__.__base__.__subclasses__() }}",
    "{{ range.__call__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ 'a' * 100000000 }}",
    "{{ 9 ** 999999 }}",
    "{{ jd.company.__dict__ }}",
    "{{ request.application.__globals__ }}",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_template_injection_is_refused(payload: str, tmp_path: Path) -> None:
    (tmp_path / "jd").mkdir()
    (tmp_path / "jd" / "markdown.j2").write_text(payload, encoding="utf-8")
    jd = csm_roles.generate_jd("smb", date_posted=DAY)
    with pytest.raises(csm_roles.TemplateError):
        jd.render("markdown", template_dir=tmp_path)


def test_a_failed_user_template_leaves_the_built_in_ones_alone(tmp_path: Path) -> None:
    (tmp_path / "jd").mkdir()
    (tmp_path / "jd" / "markdown.j2").write_text("{{ ''.__class__ }}", encoding="utf-8")
    jd = csm_roles.generate_jd("smb", date_posted=DAY)
    before = jd.render("markdown")
    with pytest.raises(csm_roles.TemplateError):
        jd.render("markdown", template_dir=tmp_path)
    assert jd.render("markdown") == before


STRUCTURE_BREAKERS = [
    "1. x",
    "---",
    "- item",
    "+ item",
    "2) y",
    "- - -",
    "# heading",
    "> quote",
    "```",
    "~~~",
    "| a | b |",
]


def _blocks(markdown: str) -> list[str]:
    """The block structure a CommonMark reader sees: headings, lists, rules, code, quotes."""
    from markdown_it import MarkdownIt

    return [
        token.type for token in MarkdownIt("commonmark").enable("table").parse(markdown) if token.nesting >= 0
    ]


@pytest.mark.parametrize("payload", STRUCTURE_BREAKERS)
def test_company_text_cannot_change_the_markdown_structure(payload: str) -> None:
    plain = _every_text_field("Plain words")
    hostile = _every_text_field(payload)
    reference = csm_roles.generate_jd("smb", company=plain, date_posted=DAY).render("markdown")
    tested = csm_roles.generate_jd("smb", company=hostile, date_posted=DAY).render("markdown")
    assert _blocks(tested) == _blocks(reference)
