"""What one rank trains: a model replica, built on the rank from a picklable description.

A distributed run sends each rank a description, never a model: the rank
builds its replica from the shared weights, the Rank wraps the replica's
module in DistributedDataParallel, and every step the replica trains on the
rank's shard through that wrapper and records what the run compares. The
kit's torch twin is one replica (TwinReplica); the user's PyTorch port is
another (parity.programs.port_replica).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
import torch
from torch import nn

import torch_net
from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.distributed import loss_scale
from parity.engine.record import Record, make_check_record, make_record


class Replica(Protocol):
    config: RunConfig

    def build(self, X: np.ndarray, y: np.ndarray, init: Params, device: torch.device) -> nn.Module:
        """Make the model from the shared weights on this rank's device; return the module DDP wraps."""

    def load(self, params: Params) -> None: ...
    def params(self) -> Params: ...

    def step(self, wrapped: nn.Module, shard: np.ndarray) -> tuple[Record, torch.Tensor | None]:
        """One step on these rows through the DDP wrapper: the record, and the rank's own loss where recorded."""


class TwinReplica:
    """The kit's torch twin. updates_only: record what `parity check` compares (updates and parameters)."""

    def __init__(self, config: RunConfig, updates_only: bool = False) -> None:
        self.config, self.updates_only = config, updates_only

    def build(self, X: np.ndarray, y: np.ndarray, init: Params, device: torch.device) -> nn.Module:
        c = self.config
        self.model = torch_net.MLP(c.network(X.shape[1], y.shape[1]), dtype=getattr(torch, c.dtype), device=device)
        torch_net.load_params(self.model, init)
        self.optimizer = torch_net.make_optimizer(c.optimizer, self.model.parameters(), c.lr, c.momentum, c.dampening, c.betas, c.eps, c.weight_decay)
        self.loss = torch_net.loss_function(c.loss)
        self.scale = loss_scale(c)
        self.X, self.y = torch.tensor(X, device=device), torch.tensor(y, device=device)
        return self.model

    def load(self, params: Params) -> None:
        torch_net.load_params(self.model, params)

    def params(self) -> Params:
        return torch_net.params_to_numpy(self.model)

    def step(self, wrapped: nn.Module, shard: np.ndarray) -> tuple[Record, torch.Tensor | None]:
        before = self.params() if self.updates_only else None
        rows = torch.as_tensor(shard, device=self.X.device)
        self.optimizer.zero_grad(set_to_none=True)
        forward = wrapped(self.X[rows])
        loss = self.loss(forward.logits, forward.output, self.y[rows])
        (loss * self.scale).backward()  # DDP averages the gradients over the ranks as they are computed
        grads = torch_net.grads_to_numpy(self.model)
        self.optimizer.step()
        if before is not None:
            return make_check_record(None, before, self.params()), None
        state = torch_net.state_to_numpy(self.optimizer, torch_net.linear_parameters(self.model.layers))
        record = make_record([], np.empty(0), np.empty(0), grads, self.params(), state)
        del record["output"], record["loss"]  # the output lives in shards; the loss is reduced over the ranks
        return record, loss.detach()
