"""A build killed half-way leaves its staging folder; the next run removes it (issue 17), and never
the folder of a run still going."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from retailkg.rdf.io import atomic_directory

KILLED = """
import os, signal, sys
from pathlib import Path
from retailkg.rdf.io import atomic_directory
with atomic_directory(Path(sys.argv[1])) as stage:
    (stage / "retailkg.nt").write_text("half")
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _staging(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.*"))


def test_a_killed_runs_staging_folder_is_removed_by_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    proc = subprocess.run([sys.executable, "-c", KILLED, str(out)], capture_output=True, check=False)
    assert proc.returncode == -9
    left = _staging(out)
    assert len(left) == 1 and (left[0] / "retailkg.nt").exists() and not out.exists()
    with atomic_directory(out) as stage:
        (stage / "retailkg.nt").write_text("whole")
    assert _staging(out) == [] and (out / "retailkg.nt").read_text() == "whole"


def test_a_running_builds_staging_folder_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    live = tmp_path / f".dist.staging-{os.getpid()}-abcd1234"
    live.mkdir()
    other = tmp_path / ".dist-other.staging-1-abcd1234"  # another output's: not ours to touch
    other.mkdir()
    recent_old_style = tmp_path / ".dist.zzzz9999"  # a version without the pid, less than a day old
    recent_old_style.mkdir()
    old_style = tmp_path / ".dist.yyyy8888"
    old_style.mkdir()
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(old_style, (day_ago, day_ago))
    with atomic_directory(out) as stage:
        (stage / "a").write_text("x")
    assert live.exists() and other.exists() and recent_old_style.exists() and not old_style.exists()
