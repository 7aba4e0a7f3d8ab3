"""Precompiled built-in templates (made by the wheel build): same documents, used only while fresh."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jinja2
import pytest

import csm_roles
from csm_roles import _jinja, _render

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DAY = dt.date(2026, 11, 1)


def _documents() -> list[str]:
    """Every kind of built-in document, in every format, from fresh objects (no cached renders)."""
    jds = [
        csm_roles.generate_jd("enterprise", "senior", company="Acme <b>&</b>", date_posted=DAY),
        csm_roles.generate_jd(
            "smb", "entry", industry="healthcare", metro="Remote", date_posted=DAY, draft=True
        ),
        csm_roles.generate_jd(
            "mid-market",
            "manager",
            technical=True,
            context="startup",
            pay=(110_000, 140_000),
            date_posted=DAY,
        ),
    ]
    out = [jd.render(fmt) for jd in jds for fmt in ("markdown", "html", "text", "description")]
    out += [jd.to_jsonld_script() for jd in jds]
    kit = csm_roles.interview_kit("senior", segment="enterprise")
    out += [kit.render(fmt) for fmt in ("markdown", "html", "text")]
    out += [csm_roles.render_chart(csm_roles.band_chart(by)) for by in ("level", "metro")]
    return out


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    target = tmp_path / _jinja.COMPILED_FOLDER
    _jinja.compile_builtins(TEMPLATES, target)
    return target


@pytest.fixture
def fresh_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_render, "_builtin", {})
    monkeypatch.setattr(_jinja, "_fresh", {})


@pytest.mark.usefixtures("fresh_caches")
def test_precompiled_templates_give_the_same_documents(
    compiled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_source = _documents()
    monkeypatch.setattr(_render, "_builtin", {})
    monkeypatch.setattr(_render, "PACKAGE_FOLDER", compiled.parent)
    for fmt in ("markdown", "html", "text", "svg"):
        loader = _render.environment(fmt).loader
        assert isinstance(loader, jinja2.ChoiceLoader)
        builtin = loader.loaders[0]
        assert isinstance(builtin, jinja2.ChoiceLoader)
        assert isinstance(builtin.loaders[0], jinja2.ModuleLoader), fmt
    assert _documents() == from_source


def test_each_format_holds_its_own_templates_and_the_shared_ones(compiled: Path) -> None:
    names = sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.j2"))
    for fmt in _jinja.TEMPLATE_FORMATS:
        held = {p.name for p in (compiled / fmt).glob("tmpl_*.py")}
        expected = {jinja2.ModuleLoader.get_module_filename(n) for n in names if _jinja._belongs_to(n, fmt)}
        assert held == expected, fmt
    assert _jinja._belongs_to("jd/layout.j2", "html")
    assert _jinja._belongs_to("partials/html.j2", "html")
    assert not _jinja._belongs_to("partials/html.j2", "markdown")
    assert tuple(_render.FORMATS) == _jinja.TEMPLATE_FORMATS


def _copy_templates(tmp_path: Path) -> Path:
    copy = tmp_path / "templates"
    shutil.copytree(TEMPLATES, copy)
    return copy


def _uses_precompiled(templates: Path, compiled: Path) -> bool:
    loader = _jinja.builtin_loader(templates, compiled, "markdown")
    return isinstance(loader, jinja2.ChoiceLoader) and isinstance(loader.loaders[0], jinja2.ModuleLoader)


@pytest.mark.usefixtures("fresh_caches")
def test_fresh_precompiled_templates_are_used(tmp_path: Path, compiled: Path) -> None:
    assert _uses_precompiled(_copy_templates(tmp_path), compiled)


@pytest.mark.usefixtures("fresh_caches")
def test_an_edited_template_makes_them_stale(tmp_path: Path, compiled: Path) -> None:
    templates = _copy_templates(tmp_path)
    page = templates / "jd" / "markdown.j2"
    page.write_text(page.read_text(encoding="utf-8") + "\n{# edited #}\n", encoding="utf-8")
    assert not _uses_precompiled(templates, compiled)


@pytest.mark.usefixtures("fresh_caches")
def test_an_added_template_makes_them_stale(tmp_path: Path, compiled: Path) -> None:
    templates = _copy_templates(tmp_path)
    (templates / "jd" / "extra.j2").write_text("x", encoding="utf-8")
    assert not _uses_precompiled(templates, compiled)


@pytest.mark.usefixtures("fresh_caches")
def test_another_jinja_version_makes_them_stale(tmp_path: Path, compiled: Path) -> None:
    manifest = compiled / "manifest.json"
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    assert recorded["jinja2"] == jinja2.__version__
    manifest.write_text(json.dumps({**recorded, "jinja2": "0.0.1"}), encoding="utf-8")
    assert not _uses_precompiled(_copy_templates(tmp_path), compiled)


@pytest.mark.parametrize("manifest", [None, "", "{not json", "[]"])
@pytest.mark.usefixtures("fresh_caches")
def test_a_missing_or_broken_manifest_means_compiling_from_source(
    tmp_path: Path, compiled: Path, manifest: str | None
) -> None:
    path = compiled / "manifest.json"
    if manifest is None:
        path.unlink()
    else:
        path.write_text(manifest, encoding="utf-8")
    assert not _uses_precompiled(_copy_templates(tmp_path), compiled)


@pytest.mark.usefixtures("fresh_caches")
def test_a_checkout_compiles_from_source() -> None:
    if Path(_render.__file__).resolve().parent != TEMPLATES.parent / "csm_roles":
        pytest.skip("csm_roles is imported from an installed copy, not from this checkout")
    assert not (Path(_render.__file__).parent / _jinja.COMPILED_FOLDER).exists()
    loader = _render.environment("markdown").loader
    assert isinstance(loader, jinja2.ChoiceLoader)
    assert isinstance(loader.loaders[0], jinja2.FileSystemLoader)
