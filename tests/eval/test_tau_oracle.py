"""`storedesk eval tau --oracle` on the benchmark's store and sample tasks (skips when the
data folder is absent): 3/3, and a non-zero exit when a task's ground truth fails."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app
from tests.conftest import TAU_DIR as DEFAULT_TAU_DIR

runner = CliRunner()
# A worktree sits one level deeper than the checkout; let it point at the data.
TAU_DIR = Path(os.environ.get("STOREDESK_TAU_DATA", DEFAULT_TAU_DIR))
pytestmark = pytest.mark.skipif(
    not (TAU_DIR / "sample_tasks.json").is_file(), reason=f"no tau-bench data at {TAU_DIR}"
)


def _oracle(tasks: Path, out: Path) -> tuple[int, str]:
    result = runner.invoke(
        app,
        ["eval", "tau", "--oracle", "--store", str(TAU_DIR), "--tasks", str(tasks),
         "--out", str(out)],
    )  # fmt: skip
    return result.exit_code, result.output


def test_oracle_scores_every_sample_task(tmp_path: Path) -> None:
    code, output = _oracle(TAU_DIR / "sample_tasks.json", tmp_path)
    assert code == 0, output
    report = json.loads((tmp_path / "results.json").read_text())
    assert report["summary"]["passed_trials"] == 3
    assert report["summary"]["pass_hat_k"] == {"1": 1.0}
    assert all(t["db_match"] for t in report["trials"])
    assert (
        "| **oracle (ground truth)** (this run) | 100.0 |" in (tmp_path / "results.md").read_text()
    )


def test_oracle_exits_non_zero_when_a_task_fails(tmp_path: Path) -> None:
    tasks = json.loads((TAU_DIR / "sample_tasks.json").read_text())
    # Task 2 returns three items; one that the order does not hold cannot be returned.
    ret = tasks[2]["evaluation_criteria"]["actions"][-1]
    assert ret["name"] == "return_delivered_order_items"
    ret["arguments"]["item_ids"][0] = "0000000000"
    corrupted = tmp_path / "tasks.json"
    corrupted.write_text(json.dumps(tasks))
    code, output = _oracle(corrupted, tmp_path / "out")
    assert code == 1, output
    report = json.loads((tmp_path / "out" / "results.json").read_text())
    by_id = {t["task_id"]: t for t in report["trials"]}
    assert by_id["0"]["reward"] == 1.0 and by_id["1"]["reward"] == 1.0
    assert by_id["2"]["reward"] == 0.0 and "return_delivered_order_items" in by_id["2"]["error"]
