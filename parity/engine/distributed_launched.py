"""Under a launcher such as torchrun: rank 0 runs the NumPy side and its own rank in one process (LaunchedRankSide),
every other process follows what rank 0 broadcasts (follow)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.data import Dataset
from parity.config.distributed import COLLECTIVE_TIMEOUT
from parity.engine.batches import Rows
from parity.engine.record import Record
from parity.errors import InputError

if TYPE_CHECKING:
    from parity.engine.replica import Replica


class LaunchedRankSide:
    """Rank 0 under a launcher: its own rank in this process; the other processes do what it broadcasts (follow)."""

    def __init__(self, config: RunConfig, data: Dataset, init: Params, replica: Replica) -> None:
        from parity.engine.distributed_rank import Rank

        self.rank, self.dtype = Rank(0, config, datetime.timedelta(seconds=COLLECTIVE_TIMEOUT)), np.dtype(config.dtype)
        self.open = True
        try:
            self._broadcast("build", (replica, init))
            self.rank.build(replica, data.X, data.y, init)
        except BaseException:
            self.close()
            raise

    def _broadcast(self, kind: str, value: Any) -> None:
        import torch.distributed as dist

        dist.broadcast_object_list([(kind, value)], src=0)

    def _tell(self, kind: str, value: Any) -> Any:
        self._broadcast(kind, value)
        return self.rank.handle(kind, value)

    def load(self, params: Params) -> None:
        self._tell("load", params)

    def params(self) -> Params:
        return self._tell("params", None)

    def step(self, rows: Rows) -> Record:
        record, spread = self._tell("step", rows)
        return {**record, "rank_spread": np.asarray(spread, dtype=self.dtype)}

    def promoted(self) -> LaunchedRankSide:
        raise InputError("the float64 oracle does not run on a distributed side")

    def close(self) -> None:
        if self.open:
            self.open = False
            try:
                self._tell("stop", None)
            finally:
                self.rank.close()


def follow(config: RunConfig, data: Dataset, rank: int) -> None:
    """A rank other than 0 under a launcher: build the replica rank 0 describes, from the shared weights it sends,
    on this machine's copy of the data; then do what rank 0 broadcasts until it says stop. It prints nothing."""
    import torch.distributed as dist

    from parity.engine.distributed_rank import Rank

    worker = Rank(rank, config, datetime.timedelta(seconds=COLLECTIVE_TIMEOUT))
    try:
        while True:
            message: list[Any] = [None]
            dist.broadcast_object_list(message, src=0)
            kind, value = message[0]
            if kind == "stop":
                break
            if kind == "build":
                replica, init = value
                worker.build(replica, data.X, data.y, init)
            else:
                worker.handle(kind, value)
    finally:
        worker.close()
