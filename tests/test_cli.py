"""The command line: exit codes and output, in process (`run_cli`) and a few times as a real process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli, run_process


def test_salary_human_output() -> None:
    result = run_cli("salary", "senior")
    assert result.returncode == 0, result.stderr
    assert "Senior CSM" in result.stdout
    assert "$120,000–$160,000" in result.stdout
    assert "augtal-2026" in result.stdout


def test_salary_json_with_metro_and_source() -> None:
    result = run_cli("salary", "Senior CSM", "--metro", "Bay Area", "--source", "jd-template-2025", "--json")
    assert result.returncode == 0, result.stderr
    band = json.loads(result.stdout)
    assert band["base"] == {  # 95,000 + (end - 75,000) x 30,000/45,000, to the $1,000
        "low": 113000,
        "high": 147000,
        "open_ended": False,
        "currency": "USD",
        "period": "year",
    }
    assert band["derived"] is True
    assert band["sources"] == ["jd-template-2025"]
    assert "each end times 1.128" in band["formula"] and "$95,000–$125,000" in band["formula"]


def test_salary_all_sources_json() -> None:
    bands = json.loads(run_cli("salary", "entry", "--all-sources", "--json").stdout)
    assert sorted(b["source"] for b in bands) == ["augtal-2026", "jd-template-2025"]


def test_unknown_key_exits_2_with_suggestion_on_stderr() -> None:
    result = run_cli("salary", "seniour")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "did you mean 'senior'?" in result.stderr
    metro = run_cli("salary", "mid", "--metro", "Seatle")
    assert metro.returncode == 2
    assert "did you mean 'seattle'?" in metro.stderr


def test_no_figure_exits_1() -> None:
    result = run_cli("salary", "manager")
    assert result.returncode == 1
    assert "no pay band" in result.stderr


def test_bad_usage_exits_2() -> None:
    assert run_cli().returncode == 2
    assert run_cli("fly").returncode == 2
    bad_amount = run_cli("offer", "lots", "--level", "mid")
    assert bad_amount.returncode == 2
    assert "95k" in bad_amount.stderr
    assert run_cli("offer", "95000").returncode == 2  # --level is required


@pytest.mark.parametrize("command", ["kpis", "levels", "segments", "sources", "metros"])
def test_listing_commands(command: str) -> None:
    human = run_cli(command)
    assert human.returncode == 0, human.stderr
    assert len(human.stdout.splitlines()) >= 4
    machine = run_cli(command, "--json")
    assert machine.returncode == 0
    records = json.loads(machine.stdout)
    assert isinstance(records, list) and records


def test_kpis_show_targets_with_sources() -> None:
    out = run_cli("kpis").stdout
    assert "110–130% (jd-template-2025)" in out
    assert "no target in the guides" in out
    kpis = {k["key"]: k for k in json.loads(run_cli("kpis", "--json").stdout)}
    assert kpis["grr"]["targets"][0]["low"] == 95


def test_offer() -> None:
    result = run_cli("offer", "$95,000", "--level", "mid", "--metro", "NYC")
    assert result.returncode == 0, result.stderr
    assert "within" in result.stdout and "New York City" in result.stdout
    data = json.loads(run_cli("offer", "70k", "--level", "mid", "--json").stdout)
    assert data["position"] == "below"
    assert data["gap"] == 10000


def test_validate_good_and_bad(tmp_path: Path) -> None:
    good = run_cli("validate", str(ROOT / "data" / "benchmarks.yaml"))
    assert good.returncode == 0, good.stderr
    assert "ok" in good.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("format_version: 1\nsources: [\n", encoding="utf-8")
    failed = run_cli("validate", str(bad))
    assert failed.returncode == 1
    assert f"{bad}:" in failed.stderr
    missing = run_cli("validate", str(tmp_path / "missing.yaml"))
    assert missing.returncode == 1
    assert "no such file" in missing.stderr


def test_data_option_uses_a_company_file(tmp_path: Path) -> None:
    text = (ROOT / "data" / "benchmarks.yaml").read_text(encoding="utf-8")
    ours = tmp_path / "ours.yaml"
    ours.write_text(
        text.replace("base: {low: 120000, high: 160000}", "base: {low: 125000, high: 165000}"),
        encoding="utf-8",
    )
    band = json.loads(run_cli("--data", str(ours), "salary", "senior", "--json").stdout)
    assert band["base"]["low"] == 125000
    broken = run_cli("--data", str(tmp_path / "nope.yaml"), "salary", "senior")
    assert broken.returncode == 2
    assert "no such file" in broken.stderr


def test_schema_is_json_schema_of_the_format() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert {"sources", "levels", "segments", "pay", "metros", "kpis"} <= set(schema["properties"])
    assert "format_version" in schema["required"]


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("csm-roles ")


def test_console_returns_mains_status_and_freezes_the_collector_only_there() -> None:
    code = (
        "import gc, sys\n"
        "from csm_roles import cli\n"
        "print('imported, collecting', gc.isenabled())\n"
        "status = cli.main(['levels'])\n"
        "print('main froze', gc.get_freeze_count() > 0, 'collecting', gc.isenabled())\n"
        "sys.argv = ['csm-roles', 'salary', 'nonsense']\n"
        "status = cli.console()\n"
        "print('console', status, 'froze', gc.get_freeze_count() > 0, 'collecting', gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "imported, collecting True" in done.stdout  # the package pauses the collector only while it loads
    assert "main froze False collecting True" in done.stdout
    assert "console 2 froze True collecting False" in done.stdout
    assert "unknown level 'nonsense'" in done.stderr


def test_importing_leaves_a_paused_collector_paused() -> None:
    code = (
        "import gc\n"
        "gc.disable()\n"
        "import csm_roles\n"
        "csm_roles.generate_jd('smb')\n"  # a module loaded on first use
        "print('collecting', gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.stdout == "collecting False\n", done.stderr


def test_importing_keeps_a_programs_frozen_objects_frozen() -> None:
    """Loading moves its own objects out of the youngest generation, never a program's frozen ones."""
    code = (
        "import gc\n"
        "kept = [[] for _ in range(1000)]\n"
        "gc.freeze()\n"
        "import csm_roles\n"
        "csm_roles.generate_jd('smb')\n"
        "print(any(entry is kept for entry in gc.get_objects()), gc.get_freeze_count() > 0, gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.stdout == "False True True\n", done.stderr  # frozen objects are not listed


# -- the real script, as a process: the few things only a process shows -------------


def test_the_console_script_and_python_m_run() -> None:
    script = Path(sys.executable).with_name("csm-roles")
    if script.exists():
        done = subprocess.run([str(script), "salary", "mid"], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert "$80,000–$120,000" in done.stdout
    module = run_process("jd", "--segment", "enterprise", "--date", "2026-11-01")
    assert module.returncode == 0, module.stderr
    assert module.stdout == run_cli("jd", "--segment", "enterprise", "--date", "2026-11-01").stdout


def test_output_is_complete_when_the_process_exits(tmp_path: Path) -> None:
    """Nothing is lost at the quick exit (the collector frozen): standard output and -o files are whole."""
    shown = run_process("jd", "--segment", "enterprise", "--date", "2026-11-01", "--format", "html")
    written = tmp_path / "jd.html"
    made = run_process(
        "jd", "--segment", "enterprise", "--date", "2026-11-01", "--format", "html", "-o", str(written)
    )
    assert made.returncode == 0, made.stderr
    assert shown.stdout == written.read_text(encoding="utf-8")
    assert shown.stdout.rstrip().endswith("</article>")


@pytest.mark.parametrize("argv", [["schema"], ["kpis", "--json"], ["jd", "--segment", "smb", "--quiet"]])
def test_a_closed_pipe_ends_quietly(argv: list[str]) -> None:
    """`csm-roles schema | head -c1`: no message, status 0, as with `ls | head`."""
    with subprocess.Popen(
        [sys.executable, "-m", "csm_roles", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as process:  # closes the pipes it opened
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(1)
        process.stdout.close()  # the reader goes away, as `head -c1` does
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0
    assert stderr == ""


def test_closed_standard_output_is_an_error_not_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "csm_roles", "salary", "mid"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        cwd=ROOT,
        preexec_fn=lambda: os.close(1),  # the child starts with `>&-`
    )
    assert done.returncode == 1
    assert done.stderr == "csm-roles: error: cannot write the output: standard output is closed\n"


def test_a_terminal_that_cannot_show_an_en_dash_gets_ascii() -> None:
    done = run_process("salary", "mid", env=dict(os.environ, PYTHONIOENCODING="ascii"))
    assert done.returncode == 0, done.stderr
    assert "$80,000-$120,000" in done.stdout


def _wait_until_reading_a_pipe(pid: int, limit: float = 60) -> None:
    """Wait until a process waits on a pipe (its standard input): started, not still importing.

    Linux tells through /proc: the process sleeps ("S" in its stat) and its wchan names a
    pipe read. Where wchan reads "0" for a sleeping process (the kernel hides it), half a
    second of sleep stands in; without /proc, three seconds do."""
    stat, wchan = Path(f"/proc/{pid}/stat"), Path(f"/proc/{pid}/wchan")
    if not stat.exists():
        time.sleep(3)
        return
    start = time.monotonic()
    asleep = 0  # polls in a row asleep on something /proc does not name
    while time.monotonic() - start < limit:
        state = stat.read_text().rpartition(")")[2].split()[0]
        waiting_on = wchan.read_text().strip() if wchan.exists() else "0"
        if state == "S" and "pipe_read" in waiting_on:
            return
        asleep = asleep + 1 if state == "S" and waiting_on in ("", "0") else 0
        if asleep >= 10:
            return
        time.sleep(0.05)


def _as_from_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it: a test run started in the background (``cmd &``
    in a script, as .ci/run does) ignores SIGINT, and its children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_ends_with_status_130_and_no_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "csm_roles", "lint", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=_as_from_a_terminal,  # runs in the child before it starts Python
    )
    _wait_until_reading_a_pipe(process.pid)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip() == "csm-roles: interrupted"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_one_line_error() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "csm_roles", "kpis"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=ROOT,
        )
    assert done.returncode == 1
    assert done.stderr == "csm-roles: error: cannot write the output: No space left on device\n"
