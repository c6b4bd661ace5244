"""The shared initial weights of a run: seeded, or read from the user's .npz."""

from __future__ import annotations

import numpy as np

import numpy_net
from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.data import Dataset
from parity.errors import InputError
from parity.files import read_npz
from parity.memory import check_fits


def initial_weights(config: RunConfig, data: Dataset) -> Params:
    inputs, outputs = data.X.shape[1], data.y.shape[1]
    check_run_fits(config, data)
    if config.weights is None:
        return numpy_net.init_weights(inputs, config.hidden, outputs, config.bias, config.dtype, config.seed)
    params = read_npz(config.weights, "--weights")
    hidden = ",".join(map(str, config.hidden))
    expected = numpy_net.param_shapes(inputs, config.hidden, outputs, config.bias)
    missing = [name for name in expected if name not in params]
    if missing:
        raise InputError(f"{config.weights}: no array {', '.join(missing)} (found {', '.join(params) or 'none'})")
    extra = [name for name in params if name not in expected]
    if extra:
        why = "--no-bias" if all(name[0] == "b" for name in extra) else f"--hidden {hidden}"
        raise InputError(f"{config.weights}: holds {', '.join(extra)}, which a run with {why} has no place for")
    for name, shape in expected.items():
        if params[name].shape != shape:
            raise InputError(
                f"{config.weights}: {name} has shape {params[name].shape}, but this data and "
                f"--hidden {hidden} need {shape} (NumPy layout, W of shape (in, out))"
            )
        if params[name].dtype.kind not in "biuf" or not np.isfinite(params[name]).all():
            raise InputError(f"{config.weights}: {name} must hold finite numbers")
    with np.errstate(over="ignore"):  # an overflow is reported below, as one line
        weights = {name: params[name].astype(config.dtype) for name in expected}
    for name, value in weights.items():
        if not np.isfinite(value).all():
            raise InputError(f"{config.weights}: {name} holds values beyond the range of {config.dtype}; scale them or use --dtype float64")
    return weights


# Each side holds its parameters, gradients, optimizer state, the step's record and a copy from before the
# step; each layer's activations and their gradients. Lower bounds: a refused run could never have fit.
PARAMETER_COPIES = 8
ACTIVATION_COPIES = 4


def check_run_fits(config: RunConfig, data: Dataset) -> None:
    """Refuse, before allocating, layers and batches this machine's memory cannot hold."""
    widths = (data.X.shape[1], *config.hidden, data.y.shape[1])
    parameters = sum((fan_in + 1) * fan_out for fan_in, fan_out in zip(widths, widths[1:]))
    rows = min(config.batch_size or len(data.X), len(data.X))
    activations = rows * sum(widths[1:])
    itemsize = np.dtype(config.dtype).itemsize
    needed = itemsize * (PARAMETER_COPIES * parameters + ACTIVATION_COPIES * activations)
    hidden = ",".join(map(str, config.hidden))
    check_fits(needed, f"--hidden {hidden} on {len(data.X)} rows of {widths[0]} inputs", "use smaller layers, a --batch-size or less data")
