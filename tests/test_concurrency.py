"""Two processes adding claims at once both succeed (SPEC §11): SQLite waits on the busy
timeout under BEGIN IMMEDIATE; PostgreSQL serialises the writes itself."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _add_many(url: str, outlet: str, n: int) -> subprocess.Popen:
    code = (
        "import sys\n"
        "from tracker.cli import app\n"
        "words = ['convoy', 'airport', 'embassy', 'depot', 'bridge', 'checkpoint', 'refinery', 'barracks',"
        " 'harbour', 'stadium', 'market', 'pipeline', 'hospital', 'school', 'station']\n"
        "for i in range(int(sys.argv[2])):\n"
        "    code = app(['claim', 'add', f'{sys.argv[1]} says the {words[i]} in district {sys.argv[1][:3]}{i}"
        " was {words[-1 - i]}-adjacent.', '--outlet', sys.argv[1], '--yes'], standalone_mode=False)\n"
        "    if code: sys.exit(code)\n"
    )
    env = {**os.environ, "TRACKER_DB": url, "TRACKER_USER": outlet}
    return subprocess.Popen(
        [sys.executable, "-c", code, outlet, str(n)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_adding_claims_at_once_both_succeed(cli):
    cli.ok("outlet", "add", "Reuters")
    cli.ok("outlet", "add", "Rudaw")
    procs = [_add_many(cli.url, "Reuters", 15), _add_many(cli.url, "Rudaw", 15)]
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
    apps = [a["outlet"] for c in cli.json("claim", "list") for a in c["appearances"]]
    assert (apps.count("Reuters"), apps.count("Rudaw")) == (15, 15)


def test_work_started_in_forked_workers_runs_while_the_caller_goes_on(tmp_path):
    """``parallel.start`` forks its workers at once: they finish their tasks while the
    caller is busy, the results come back in task order, and a cancelled start leaves no
    worker running."""
    import time

    from tracker import parallel

    marks = tmp_path / "marks"
    marks.mkdir()

    def task(k: int) -> int:
        (marks / str(k)).write_text("done")
        return k * k

    started = parallel.start(task, 6, 2)
    deadline = time.monotonic() + 30
    while len(list(marks.iterdir())) < 6 and time.monotonic() < deadline:
        time.sleep(0.01)  # the caller does something else; the workers do not wait for it
    assert len(list(marks.iterdir())) == 6
    assert started.results() == [k * k for k in range(6)]
    assert parallel.start(task, 3, 1).results() == [0, 1, 4]
    # One worker forked beside the caller: its tasks are done before results() is asked.
    for old in marks.iterdir():
        old.unlink()
    beside = parallel.start(task, 3, 1, fork_one=True)
    deadline = time.monotonic() + 30
    while len(list(marks.iterdir())) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(list(marks.iterdir())) == 3
    assert beside.results() == [0, 1, 4]

    import multiprocessing

    slow = parallel.start(lambda k: time.sleep(60), 2, 2)
    assert multiprocessing.active_children()
    t0 = time.monotonic()
    slow.cancel()
    assert time.monotonic() - t0 < 10
    assert not multiprocessing.active_children()


def test_a_feed_takes_work_sent_after_its_workers_forked():
    """``parallel.Feed``: items made after the fork reach the workers through pipes, the
    results come back in the order sent; with one worker nothing forks; a cancelled feed
    leaves no worker and takes nothing more."""
    import multiprocessing

    from tracker import parallel

    feed = parallel.Feed(lambda batch: [x * 10 for x in batch], 2)
    assert len(multiprocessing.active_children()) == 2
    for k in range(6):
        feed.send(list(range(k, k + 3)))  # lists made after the workers forked
    assert feed.results() == [[x * 10 for x in range(k, k + 3)] for k in range(6)]
    assert not multiprocessing.active_children()

    inline = parallel.Feed(lambda x: x + 1, 1)
    assert not multiprocessing.active_children()
    inline.send(1)
    inline.send(2)
    assert inline.results() == [2, 3]

    one = parallel.Feed(lambda x: -x, 1, fork_one=True)
    assert len(multiprocessing.active_children()) == 1
    one.send(4)
    assert one.results() == [-4]
    assert not multiprocessing.active_children()

    stopped = parallel.Feed(lambda x: x, 2)
    stopped.cancel()
    assert not multiprocessing.active_children()
    with pytest.raises(RuntimeError):
        stopped.send(1)
