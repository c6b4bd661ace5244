"""One rank of a distributed run: a replica wrapped in DistributedDataParallel, on its share of each batch."""

from __future__ import annotations

import datetime
import gc
import os
import sys
import threading
from typing import Any

import numpy as np
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.distributed import SUM_LOSSES
from parity.engine.replica import Replica


class Rank:
    """This process as one rank: it joins the group, then trains a replica under DDP on its share of each batch."""

    def __init__(self, rank: int, config: RunConfig, timeout: datetime.timedelta) -> None:
        self.rank, self.world_size, self.timeout = rank, config.world_size, timeout
        # under a launcher across machines a rank's GPU is its LOCAL_RANK; every rank of a machine must choose alike
        local_rank = int(os.environ.get("LOCAL_RANK", rank))
        on_this_machine = int(os.environ.get("LOCAL_WORLD_SIZE", config.world_size))
        gpus = torch.cuda.device_count() if torch.cuda.is_available() and config.device != "cpu" else 0
        backend = "nccl" if gpus >= on_this_machine else "gloo"
        self.device = torch.device("cuda", local_rank) if backend == "nccl" else torch.device("cpu")
        self.device_ids = [local_rank] if backend == "nccl" else None
        dist.init_process_group(backend, rank=rank, world_size=config.world_size, timeout=timeout)
        self.replica: Replica | None = None
        self.ddp: DistributedDataParallel | None = None

    def build(self, replica: Replica, X: np.ndarray, y: np.ndarray, init: Params) -> None:
        self.replica, self.rows = replica, len(X)
        self.ddp = DistributedDataParallel(replica.build(X, y, init, self.device), device_ids=self.device_ids)
        self.summed = replica.config.loss in SUM_LOSSES

    def handle(self, kind: str, value: Any) -> Any:
        if kind == "stop":
            return None
        if kind == "load":
            self.replica.load(value)
            return None
        if kind == "params":
            return self.replica.params() if self.rank == 0 else None
        if kind == "step":
            return self.step(value)
        raise ValueError(f"unknown request {kind!r}")

    def step(self, rows) -> tuple[dict, float] | None:
        batch = np.arange(self.rows)[rows]
        shard = batch[self.rank::self.world_size]  # as a DistributedSampler cuts it
        record, loss = self.replica.step(self.ddp, shard)
        if loss is not None:
            total = loss.clone()
            dist.all_reduce(total)  # the global loss: the sum of the sums, or the mean of the equal shards' means
            record["loss"] = (total if self.summed else total / self.world_size).cpu().numpy().copy()
        spread = self._spread()
        return (record, spread) if self.rank == 0 else None

    def _spread(self) -> float:
        """How far apart the ranks' parameters are: every element's largest minus smallest value, reduced on the ranks."""
        flat = torch.cat([p.detach().reshape(-1) for p in self.ddp.module.parameters()])
        largest, smallest = flat.clone(), flat.clone()
        dist.all_reduce(largest, op=dist.ReduceOp.MAX)
        dist.all_reduce(smallest, op=dist.ReduceOp.MIN)
        return float((largest - smallest).max())

    def close(self) -> None:
        """Leave the group together: every rank reaches the barrier, drops its DDP reducer (whose process group
        joins its threads when freed, and waits forever once a peer is gone), then destroys the group.

        Should the shutdown itself hang, a watchdog ends the process after one collective timeout: a missing
        verdict is exit 2, where a hung rank would hold a CI job until its own limit."""
        if not dist.is_initialized():
            return
        watchdog = threading.Timer(self.timeout.total_seconds(), _abandon, args=(self.rank,))
        watchdog.daemon = True
        watchdog.start()
        try:
            dist.barrier()
            self.ddp = None
            gc.collect()
            dist.barrier()
        finally:
            dist.destroy_process_group()
            watchdog.cancel()


def _abandon(rank: int) -> None:
    sys.stderr.write(f"parity: error: rank {rank} could not leave the distributed group; its process was ended\n")
    sys.stderr.flush()
    os._exit(2)
