"""measure.py's rule, reduced on the torch side's device: a checked step brings back one small tensor.

On a GPU, bringing every tensor of every step to the host costs a transfer
each and as many bytes as the network has activations. Here the NumPy side's
arrays go up instead (one copy per group of tensors), and the differences
and every per-tensor number (largest difference, elements
off, share of the tolerance used, largest relative difference, least
passing atol and rtol, the first worst element and both values there) are
computed where the torch tensors are. All of a step's numbers come back
together: one device-to-host transfer. Only a run's new worst step, whose
errors are counted by decade, brings back those tensors' sampled
differences as well, in one more.

The arithmetic is measure.py's, operation for operation and in the same
dtypes, so the numbers agree with the NumPy path bit for bit on the CPU
(tests/test_device_measure.py). Only reductions along a dimension, indexing
and index assignment are used: all deterministic, also under
torch.use_deterministic_algorithms.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import numpy as np
import torch

from parity.engine.device_record import DeviceRecord
from parity.engine.comparison import Comparison, Pair, dtype_of, histogram_every, histogram_of, measured

# the rows of a group's numbers, in the order they come back
NUMBERS = ("worst", "beyond", "mismatched", "used", "max_rel", "min_rtol", "first", "numpy_value", "torch_value", "largest")


def measure_groups(groups: list[list], pairs: list[Pair], rtol: float, atol: float) -> Iterator[tuple[int, Comparison]]:
    """(pair index, Comparison) for every member of every group: (i, NumPy array, tensor, problem) of one pair of
    dtypes, as measure.compare_many groups them."""
    reduced = [_reduce_group(members, pairs, rtol, atol) for members in groups]
    numbers = torch.cat([found for found, _, _ in reduced], dim=1).cpu().numpy()  # the step's one transfer
    DeviceRecord.transfers += 1
    column = 0
    wanted: list[tuple[int, int, torch.Tensor]] = []  # (column, every, sampled differences) for histograms
    for members, (_, diff, layout) in zip(groups, reduced):
        for k, member in enumerate(members):
            above = pairs[member[0]].histogram_above
            if above is not None and numbers[0, column + k] > above:
                start, size, every = layout.offsets[k], layout.sizes[k], histogram_every(layout.sizes[k])
                wanted.append((column + k, every, diff[start:start + size][::every]))
        column += len(members)
    histograms = _histograms(wanted)
    column = 0
    for members, (_, _, layout) in zip(groups, reduced):
        for k, (i, _, b, problem) in enumerate(members):
            worst, beyond, mismatched, used, max_rel, min_rtol, first, numpy_value, torch_value, largest = numbers[:, column]
            yield i, measured(tuple(b.shape), layout.sizes[k], problem, worst, max_rel, mismatched, used, max(beyond, 0.0), min_rtol,
                              (int(first) - layout.offsets[k], numpy_value, torch_value), histograms.get(column),
                              atol + rtol * float(largest))
            column += 1


def _reduce_group(members: list, pairs: list[Pair], rtol: float, atol: float) -> tuple[torch.Tensor, torch.Tensor, Layout]:
    """A group's numbers (len(NUMBERS), members) in float64 and its differences end to end, both on the device, and
    how its tensors lie in them."""
    b_tensors = [m[2] for m in members]
    device = b_tensors[0].device
    a_dtype, b_dtype = members[0][1].dtype, b_tensors[0].dtype
    # In the arrays' own dtype where they share one: the difference of two nearly equal floats is exact in it.
    same = a_dtype.kind == "f" and str(b_dtype) == f"torch.{a_dtype}"
    common = b_dtype if same else torch.float64
    layout = _layout(tuple(b.numel() for b in b_tensors), str(device))
    A = _upload([m[1] for m in members], device)
    B = torch.cat([b.reshape(-1) for b in b_tensors]) if len(members) > 1 else b_tensors[0].reshape(-1)
    diff = (A.to(common) - B.to(common)).abs_()
    # NaN or Inf on either side is never close; an infinite torch value allows nothing (as in measure.py)
    diff = diff.where(diff.isfinite(), torch.inf)
    abs_b = B.to(common).abs()
    abs_b = abs_b.where(abs_b.isfinite(), 0.0)
    worst = layout.reduce(diff, "amax")
    largest = layout.reduce(abs_b, "amax")
    per_element = torch.tensor(atol, dtype=common, device=device)
    scaled = abs_b * rtol
    work = diff - scaled  # diff - rtol |b|
    beyond = layout.reduce(work, "amax")
    mismatched = layout.reduce((work > per_element).to(torch.float64), "sum")
    used = layout.reduce(_nan_to_zero(diff / (scaled + per_element)), "amax")
    max_rel = layout.reduce(_nan_to_zero(diff / abs_b), "amax")
    min_rtol = layout.reduce(_nan_to_zero((diff - atol) / abs_b), "amax").clamp(min=0.0)
    positions = layout.positions.where(diff == layout.spread(worst), torch.inf)
    first = layout.reduce(positions, "amin")
    at = first.long()
    numbers = torch.stack([worst.double(), beyond.double(), mismatched, used.double(), max_rel.double(), min_rtol.double(),
                           first, A[at].double(), B[at].double(), largest.double()])
    return numbers, diff, layout


def _upload(arrays: list[np.ndarray], device: torch.device) -> torch.Tensor:
    """The NumPy side's arrays end to end, on the device: one copy up."""
    flat = np.concatenate([a.reshape(-1) for a in arrays]) if len(arrays) > 1 else arrays[0].reshape(-1)
    if flat.dtype.kind == "f" and flat.dtype.itemsize > 8:
        flat = flat.astype(np.float64)  # a long double torch has no type for; measure.py takes its difference in float64
    # torch takes only native byte order and positive strides, and will not share read-only memory
    flat = np.ascontiguousarray(flat, dtype=flat.dtype.newbyteorder("="))
    if not flat.flags.writeable:
        flat = flat.copy()
    return torch.from_numpy(flat).to(device)


def _histograms(wanted: list[tuple[int, int, torch.Tensor]]) -> dict[int, dict[str, int]]:
    """The errors by decade of each wanted tensor, from its sampled differences, brought back together."""
    if not wanted:
        return {}
    samples = torch.cat([sample.double() for _, _, sample in wanted]).cpu().numpy()
    DeviceRecord.transfers += 1
    found, start = {}, 0
    for column, every, sample in wanted:
        size = sample.numel()
        found[column] = histogram_of(samples[start:start + size].astype(dtype_of(sample)), every)  # float64 and back: exact
        start += size
    return found


def _nan_to_zero(values: torch.Tensor) -> torch.Tensor:
    """0 / 0 is NaN: no element's share, as NumPy's fmax passes over it."""
    return values.where(~values.isnan(), 0.0)


class Layout:
    """A group's tensors end to end in one flat tensor, and how to reduce each. One tensor is reduced whole; several
    (small ones: measure.SMALL elements at most) are laid in the rows of a padded block and reduced along its rows,
    with no scatter, whose CUDA kernels are not deterministic."""

    PAD = {"amax": -torch.inf, "amin": torch.inf, "sum": 0.0}

    def __init__(self, sizes: tuple[int, ...], device: str) -> None:
        self.sizes = sizes
        self.offsets = tuple(int(o) for o in np.concatenate(([0], np.cumsum(sizes)[:-1])))
        self.width = max(sizes)
        total = sum(sizes)
        self.positions = torch.arange(total, dtype=torch.float64, device=device)
        if len(sizes) > 1:
            rows = np.repeat(np.arange(len(sizes)), sizes)
            self.tensor_of = torch.from_numpy(rows).to(device)  # the tensor each element belongs to
            self.place = torch.from_numpy(rows * self.width + (np.arange(total) - np.repeat(self.offsets, sizes))).to(device)

    def reduce(self, values: torch.Tensor, how: str) -> torch.Tensor:
        if len(self.sizes) == 1:
            return getattr(values, how)().reshape(1)
        block = values.new_full((len(self.sizes) * self.width,), self.PAD[how])
        block[self.place] = values
        return getattr(block.view(len(self.sizes), self.width), how)(dim=1)

    def spread(self, per_tensor: torch.Tensor) -> torch.Tensor:
        """A number per tensor, given to each of its elements."""
        return per_tensor[0] if len(self.sizes) == 1 else per_tensor[self.tensor_of]


@lru_cache(maxsize=64)
def _layout(sizes: tuple[int, ...], device: str) -> Layout:
    return Layout(sizes, device)
