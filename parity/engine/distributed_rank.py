"""One rank of a distributed run: the torch twin wrapped in DistributedDataParallel, on its share of each batch."""

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

import torch_net
from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.distributed import SUM_LOSSES
from parity.engine.record import make_record


class Rank:
    def __init__(self, rank: int, config: RunConfig, X: np.ndarray, y: np.ndarray, init: Params, timeout: datetime.timedelta) -> None:
        self.rank, self.world_size, self.config = rank, config.world_size, config
        self.timeout = timeout
        backend = "nccl" if torch.cuda.is_available() and torch.cuda.device_count() >= config.world_size and config.device != "cpu" else "gloo"
        self.device = torch.device("cuda", rank) if backend == "nccl" else torch.device("cpu")
        dist.init_process_group(backend, rank=rank, world_size=config.world_size, timeout=timeout)
        dtype = getattr(torch, config.dtype)
        self.model = torch_net.MLP(config.network(X.shape[1], y.shape[1]), dtype=dtype, device=self.device)
        torch_net.load_params(self.model, init)
        self.ddp = DistributedDataParallel(self.model, device_ids=[rank] if backend == "nccl" else None)
        self.optimizer = torch_net.make_optimizer(config.optimizer, self.model.parameters(), config.lr, config.momentum,
                                                  config.dampening, config.betas, config.eps)
        self.loss = torch_net.loss_function(config.loss)
        summed = config.loss in SUM_LOSSES
        self.scale = self.world_size if summed and config.ddp_sum_scaling else 1
        self.summed = summed
        self.X, self.y = torch.tensor(X, device=self.device), torch.tensor(y, device=self.device)

    def handle(self, kind: str, value: Any) -> Any:
        if kind == "stop":
            return None
        if kind == "load":
            torch_net.load_params(self.model, value)
            return None
        if kind == "params":
            return torch_net.params_to_numpy(self.model) if self.rank == 0 else None
        if kind == "step":
            return self.step(value)
        raise ValueError(f"unknown request {kind!r}")

    def step(self, rows) -> tuple[dict, float] | None:
        batch = np.arange(len(self.X))[rows]
        shard = torch.as_tensor(batch[self.rank::self.world_size], device=self.device)  # as a DistributedSampler cuts it
        self.optimizer.zero_grad(set_to_none=True)
        forward = self.ddp(self.X[shard])
        loss = self.loss(forward.logits, forward.output, self.y[shard])
        (loss * self.scale).backward()  # DDP averages the gradients over the ranks as they are computed
        grads = torch_net.grads_to_numpy(self.model)
        self.optimizer.step()
        total = loss.detach().clone()
        dist.all_reduce(total)  # the global loss: the sum of the sums, or the mean of the equal shards' means
        global_loss = total if self.summed else total / self.world_size
        spread = self._spread()
        if self.rank != 0:
            return None
        parameters = torch_net.linear_parameters(self.model.layers)
        state = torch_net.state_to_numpy(self.optimizer, parameters)
        record = make_record([], np.empty(0), global_loss.cpu().numpy().copy(), grads, torch_net.params_to_numpy(self.model), state)
        record.pop("output")
        return record, spread

    def _spread(self) -> float:
        """How far apart the ranks' parameters are: every element's largest minus smallest value, reduced on the ranks."""
        flat = torch.cat([p.detach().reshape(-1) for p in self.model.parameters()])
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
