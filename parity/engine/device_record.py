"""A torch side's step record left on the device that computed it.

On a GPU, copying every tensor of every step to the host costs a transfer
each. A DeviceRecord holds the twin's tensors (in the NumPy layout) where
torch made them; the comparison reduces them there (device_measure.py), and
a tensor comes to the host, as a NumPy array, only when something reads it:
a failure's second look, the diagnosis, a golden file, a plot.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import torch


def host(value) -> np.ndarray:
    """A tensor on any device as a NumPy array; an array, or anything NumPy reads, as it is."""
    if hasattr(value, "detach"):
        value = value.detach()
        return (value.to_dense() if value.is_sparse else value).cpu().numpy()  # an embedding's sparse gradient
    return np.asarray(value)


class DeviceRecord(Mapping):
    """name -> NumPy array, read from the device on first use. `tensors` are the tensors themselves."""

    # device-to-host transfers of the kit's comparison (records read, device_measure's numbers), counted on a CPU
    # device too, where they are reads without a copy: so that a test on the CPU sees what a GPU would transfer
    transfers = 0

    def __init__(self, tensors: dict[str, torch.Tensor], host: dict[str, np.ndarray] | None = None) -> None:
        self.tensors = tensors
        self._host = host if host is not None else {}  # shared with the records select() makes

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._host:
            DeviceRecord.transfers += 1
            self._host[name] = self.tensors[name].cpu().numpy()
        return self._host[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.tensors)

    def __len__(self) -> int:
        return len(self.tensors)

    def fetch(self, names) -> None:
        """Bring these tensors to the host together: one transfer for each dtype among those not read yet."""
        import torch

        wanted = [name for name in names if name in self.tensors and name not in self._host]
        by_dtype: dict = {}
        for name in wanted:
            by_dtype.setdefault(self.tensors[name].dtype, []).append(name)
        for group in by_dtype.values():
            flat = torch.cat([self.tensors[name].reshape(-1) for name in group]).cpu().numpy()
            DeviceRecord.transfers += 1
            start = 0
            for name in group:
                size = self.tensors[name].numel()
                self._host[name] = flat[start:start + size].reshape(tuple(self.tensors[name].shape))
                start += size

    def select(self, names) -> DeviceRecord:
        """These tensors of the record, still on the device."""
        return DeviceRecord({name: self.tensors[name] for name in names if name in self.tensors}, self._host)

    def shape(self, name: str) -> tuple[int, ...]:
        return tuple(self.tensors[name].shape)

    def first_non_finite(self) -> str | None:
        """The first tensor holding NaN or Inf, found on the device: one transfer of a flag per tensor."""
        import torch

        if not self.tensors:
            return None
        finite = torch.stack([value.isfinite().all() for value in self.tensors.values()]).cpu()
        DeviceRecord.transfers += 1
        return next((name for name, ok in zip(self.tensors, finite.tolist()) if not ok), None)


def fetch(record: Mapping, names) -> None:
    """A device record's tensors of these names brought to the host together (before they are read one by one)."""
    if isinstance(record, DeviceRecord):
        record.fetch(names)


def gradients_on_host(record: Mapping) -> dict[str, np.ndarray]:
    """The record's gradients as NumPy arrays; a device record's brought back together."""
    names = [name for name in record if name.endswith(".grad")]
    fetch(record, names)
    return {name: host(record[name]) for name in names}


def on_device(record: Mapping) -> Mapping:
    """The record's values where they live: the tensors of a DeviceRecord, the arrays of any other record."""
    return record.tensors if isinstance(record, DeviceRecord) else record


def select(record: Mapping, names) -> Mapping:
    """The record restricted to these names, without bringing a device record's tensors to the host."""
    if isinstance(record, DeviceRecord):
        return record.select(names)
    return {name: record[name] for name in names if name in record}


def shape(record: Mapping, name: str) -> tuple[int, ...]:
    return record.shape(name) if isinstance(record, DeviceRecord) else np.shape(record[name])
