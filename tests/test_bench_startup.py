"""bench/startup/run.py, the start-up benchmark: what it removes between rounds and what its section says
(the timings themselves are the benchmark's business, never a test's)."""

from __future__ import annotations

from pathlib import Path

from scripts import load_script

startup = load_script("bench/startup/run.py", "bench_startup")


def test_a_round_starts_without_builds_or_indexes_but_keeps_the_lexicon(tmp_path: Path) -> None:
    folder = tmp_path / "retailkg"
    folder.mkdir()
    for name in ("retailkg-0.1.0-abc.trig", "search-abc.json", "jieba-abc.sqlite"):
        (folder / name).write_text("x")
    startup.clean(tmp_path)
    assert [p.name for p in folder.iterdir()] == ["jieba-abc.sqlite"]


def test_the_section_shows_every_step_of_both_paths_with_its_target() -> None:
    steps = {step: {"owlrl": {"wall_s": 8.0 + i, "cpu_s": 4.0}, "now": {"wall_s": 1.0, "cpu_s": 0.5}}
             for i, step in enumerate(startup.STEPS)}
    result = {"baseline": "3046b31", "commit": "abc1234", "date": "2026-01-01", "rounds": 5, "steps": steps,
              "machine": {"cpu": "AMD EPYC", "cpus": 2, "python": "3.11.7", "load_start": 1.0, "load_end": 2.0}}
    text = startup.render(result)
    assert text.startswith("## startup")
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith(("| step", "| ---"))]
    assert [r.split(" | ")[0].lstrip("| ") for r in rows] == list(startup.STEPS)
    build = rows[0].split(" | ")
    assert build[1:6] == ["8.00 s", "1.00 s", "4.00 s", "0.50 s", "8.0×"] and build[6].startswith("≤ 2.0 s")
    assert "median of 5 rounds" in text and "load average 1.0" in text
