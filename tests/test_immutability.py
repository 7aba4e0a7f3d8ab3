"""Records are frozen: no caller can change what the next caller gets."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import csm_roles


def test_a_record_cannot_be_changed() -> None:
    level = csm_roles.level("senior")
    with pytest.raises(ValidationError):
        level.name = "Rockstar"  # type: ignore[misc]
    band = csm_roles.salary_band("senior")
    assert band.base is not None
    with pytest.raises(ValidationError):
        band.base.low = 1  # type: ignore[misc]


def test_collections_are_tuples() -> None:
    assert isinstance(csm_roles.levels(), tuple)
    assert isinstance(csm_roles.kpi("nrr").targets, tuple)
    assert isinstance(csm_roles.segment("smb").portfolio, tuple)
    with pytest.raises(TypeError):
        csm_roles.levels()[0] = None  # type: ignore[index]


def test_changing_a_copy_does_not_leak() -> None:
    before = csm_roles.salary_band("mid")
    as_dict = before.model_dump()
    as_dict["base"]["low"] = 1
    changed = before.model_copy(update={"level": "director"})
    after = csm_roles.salary_band("mid")
    assert after == before
    assert after.level == "mid" and changed.level == "director"
    assert after.base is not None and after.base.low == 80_000


def test_a_derived_band_does_not_alter_the_source_band() -> None:
    plain = csm_roles.salary_band("senior", source="jd-template-2025")
    csm_roles.salary_band("senior", metro="sf", source="jd-template-2025")
    assert csm_roles.salary_band("senior", source="jd-template-2025") == plain


def test_a_failed_company_load_does_not_touch_the_default(tmp_path: object) -> None:
    from pathlib import Path

    bad = Path(str(tmp_path)) / "bad.yaml"
    bad.write_text("format_version: 1\nsources: []\n", encoding="utf-8")
    before = csm_roles.salary_band("entry")
    with pytest.raises(csm_roles.DataFileError):
        csm_roles.load_benchmarks(bad)
    assert csm_roles.salary_band("entry") == before


def test_a_class_configuration_cannot_be_changed_through_a_record() -> None:
    with pytest.raises(TypeError, match="read-only"):
        csm_roles.segment("smb").model_config["frozen"] = False
    assert csm_roles.Segment.model_config["frozen"] is True
    with pytest.raises(ValidationError):
        csm_roles.segment("smb").key = "x"  # type: ignore[misc]


def test_the_default_dataset_cannot_be_replaced() -> None:
    bm = csm_roles.default_benchmarks()
    with pytest.raises(AttributeError):
        bm.data = None  # type: ignore[misc,assignment]
    assert csm_roles.level("mid").key == "mid"


def test_two_identical_job_descriptions_stay_equal_after_one_is_rendered() -> None:
    import pickle

    first = csm_roles.generate_jd("smb", date_posted="2026-11-01")
    second = csm_roles.generate_jd("smb", date_posted="2026-11-01")
    first.render("html")
    assert first == second
    assert pickle.loads(pickle.dumps(first)) == second
