"""The user's PyTorch port as the replica on each rank of a distributed check.

Every rank loads the port from its file and builds it as `parity check`
does, so nothing the user wrote is pickled: only this description travels.
The port is driven through the DistributedDataParallel wrapper (`model` in
a --torch-step is the wrapper). The kit multiplies loss_fn's value by the
world size for a sum loss, since DDP averages; a --torch-step that computes
its own loss must do that itself (`world_size` is in its scope).
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import torch
from torch import nn

from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.data import Dataset
from parity.config.distributed import loss_scale
from parity.engine.record import Record
from parity.programs.port import PortSide, TorchPort
from parity.programs.port_layers import port_locations
from parity.programs.user_code import UserCode


class PortReplica:
    def __init__(self, config: RunConfig, port: TorchPort, shapes: dict[str, tuple]) -> None:
        self.config, self.port, self.shapes = config, port, shapes

    def build(self, X: np.ndarray, y: np.ndarray, init: Params, device: torch.device) -> nn.Module:
        code = UserCode(self.port.program(quiet=True), option="--torch")  # its prints were seen once, in the parent
        model = code.build(X.copy(), y.copy())
        model.to(device=device, dtype=getattr(torch, self.config.dtype))
        locations = port_locations(model, self.port.params)
        self.side = PortSide(code, self.port, model, self.config, Dataset(X, y, "this rank's copy"), locations, self.shapes, device)
        self.side.load(init)
        self.side.loss_fn = scaled(self.side.loss_fn, loss_scale(self.config))
        return model

    def load(self, params: Params) -> None:
        self.side.load(params)

    def params(self) -> Params:
        return self.side.params()

    def step(self, wrapped: nn.Module, shard: np.ndarray) -> tuple[Record, None]:
        self.side.driven = wrapped
        record = self.side.step(shard)
        record.pop("output", None)  # the output lives in shards
        return record, None


def scaled(loss_fn: Callable, factor: int) -> Callable:
    if factor == 1:
        return loss_fn
    return lambda output, y: loss_fn(output, y) * factor
