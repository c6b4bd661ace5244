"""Mini-batches: the same rows for both sides, in DataLoader's order, seeded when shuffled."""

import numpy as np

from parity import RunConfig, run
from parity.engine.batches import BatchSchedule


def rows(schedule, step):
    r = schedule.rows(step)
    return np.arange(schedule.rows_total)[r]


def test_full_batch_is_every_row():
    assert np.array_equal(rows(BatchSchedule(5), 1), np.arange(5))


def test_batches_cover_an_epoch_in_order_with_a_smaller_last_batch():
    s = BatchSchedule(10, batch_size=4)
    assert [list(rows(s, k)) for k in (1, 2, 3, 4)] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9], [0, 1, 2, 3]]


def test_shuffled_epochs_are_permutations_seeded_and_different():
    s, again = BatchSchedule(10, 4, shuffle=True, seed=3), BatchSchedule(10, 4, shuffle=True, seed=3)
    epoch1 = np.concatenate([rows(s, k) for k in (1, 2, 3)])
    epoch2 = np.concatenate([rows(s, k) for k in (4, 5, 6)])
    assert sorted(epoch1) == sorted(epoch2) == list(range(10))
    assert not np.array_equal(epoch1, epoch2)
    assert np.array_equal(epoch1, np.concatenate([rows(again, k) for k in (1, 2, 3)]))


def test_a_mini_batch_run_passes_for_every_optimizer():
    for optimizer in ("sgd", "momentum", "adam"):
        report = run(RunConfig(data="random:50,4", batch_size=16, shuffle=True, optimizer=optimizer, loss="mse",
                               dtype="float64", steps=20))
        assert report.passed, report.verdict_line()
