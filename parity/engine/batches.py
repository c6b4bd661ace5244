"""Which rows each step trains on: the whole data set, or mini-batches cut from one order per epoch.

Both sides are given the same rows at every step, as a DataLoader with
batch_size=B (and shuffle, seeded) would give them: an epoch is one pass
over the data in ⌈n / B⌉ batches, the last one smaller when B does not
divide n.
"""

from __future__ import annotations

import math

import numpy as np

Rows = slice | np.ndarray  # a slice for contiguous rows, an index array for a shuffled batch


class BatchSchedule:
    def __init__(self, rows: int, batch_size: int | None = None, shuffle: bool = False, seed: int = 0) -> None:
        self.rows_total = rows
        self.batch_size = min(batch_size or rows, rows)
        self.shuffle, self.seed = shuffle, seed
        self.per_epoch = math.ceil(rows / self.batch_size)
        self._epoch, self._order = -1, None

    @property
    def full_batch(self) -> bool:
        return self.batch_size == self.rows_total

    def rows(self, step: int) -> Rows:
        """The rows of step `step` (counted from 1)."""
        if self.full_batch:
            return slice(None)
        epoch, position = divmod(step - 1, self.per_epoch)
        start, stop = position * self.batch_size, min((position + 1) * self.batch_size, self.rows_total)
        if not self.shuffle:
            return slice(start, stop)
        return self._order_of(epoch)[start:stop]

    def _order_of(self, epoch: int) -> np.ndarray:
        if epoch != self._epoch:
            self._epoch, self._order = epoch, np.random.default_rng([self.seed, epoch]).permutation(self.rows_total)
        return self._order

    def describe(self) -> str:
        if self.full_batch:
            return "full batch"
        return f"batches of {self.batch_size}{', shuffled' if self.shuffle else ''}, {self.per_epoch} per epoch"
