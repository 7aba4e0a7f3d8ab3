"""User templates: override a whole template, extend a built-in one, override a block."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import csm_roles

DAY = dt.date(2026, 11, 1)
JD = csm_roles.generate_jd("enterprise", "senior", company="Acme", date_posted=DAY)


def _write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_override_a_block_by_extending_the_built_in_template(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "jd/markdown.j2",
        '{% extends "builtin/jd/markdown.j2" %}\n'
        '{% block benefits %}{{ f.heading("Perks") }}{{ f.bullets(["A four-day week"]) }}{% endblock %}\n',
    )
    text = JD.render("markdown", template_dir=tmp_path)
    assert "## Perks" in text
    assert "- A four-day week" in text
    assert "## What we offer" not in text
    assert "## What you will do" in text  # the rest of the layout is still there


def test_override_a_partial_changes_every_document(tmp_path: Path) -> None:
    _write(tmp_path, "partials/markdown.j2", '{% extends "builtin/partials/markdown.j2" %}')
    # extending macros files is not how Jinja shares macros, so replace the heading style wholesale:
    builtin = (Path(__file__).resolve().parent.parent / "templates" / "partials" / "markdown.j2").read_text()
    _write(
        tmp_path,
        "partials/markdown.j2",
        builtin.replace("## {{ text | md(false) }}", "### {{ text | md(false) }}"),
    )
    text = JD.render("markdown", template_dir=tmp_path)
    assert "### What you will do" in text
    assert "\n## " not in text


def test_a_whole_new_template(tmp_path: Path) -> None:
    _write(tmp_path, "jd/text.j2", "{{ jd.title }} | {{ jd.compensation.range_label }}\n")
    assert JD.render("text", template_dir=tmp_path) == (
        "Senior Customer Success Manager (Enterprise) | $120,000–$160,000 a year\n"
    )


def test_html_autoescapes_in_user_templates_too(tmp_path: Path) -> None:
    _write(tmp_path, "jd/html.j2", "<p>{{ jd.company.name }}</p>")
    jd = csm_roles.generate_jd("smb", company="<script>x</script>", date_posted=DAY)
    assert jd.render("html", template_dir=tmp_path) == "<p>&lt;script&gt;x&lt;/script&gt;</p>\n"


def test_undefined_values_are_errors_not_blanks(tmp_path: Path) -> None:
    _write(tmp_path, "jd/markdown.j2", "{{ jd.salary_of_the_ceo }}")
    with pytest.raises(csm_roles.TemplateError, match="undefined"):
        JD.render("markdown", template_dir=tmp_path)


def test_syntax_errors_name_the_file_and_line(tmp_path: Path) -> None:
    _write(tmp_path, "jd/markdown.j2", "line one\n{% if %}\n")
    with pytest.raises(csm_roles.TemplateError, match=r"markdown.j2:2"):
        JD.render("markdown", template_dir=tmp_path)


def test_missing_folder_and_unknown_format() -> None:
    with pytest.raises(csm_roles.TemplateError, match="not a directory"):
        JD.render("markdown", template_dir="/no/such/folder")
    with pytest.raises(csm_roles.UnknownKeyError) as caught:
        JD.render("pdf")
    assert "markdown" in str(caught.value)
    assert JD.render("md") == JD.render("markdown")
    assert JD.render("txt") == JD.render("text")


def test_templates_compile_once_per_process() -> None:
    from csm_roles import _render

    env = _render.environment("markdown")
    JD.render("markdown")
    template = env.get_template("jd/markdown.j2")
    JD.render("markdown")
    assert env.get_template("jd/markdown.j2") is template
    assert _render.environment("markdown") is env
