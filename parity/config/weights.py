"""The shared initial weights of a run: seeded, or read from the user's .npz."""

from __future__ import annotations

import numpy as np

import numpy_net
from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.data import Dataset
from parity.errors import InputError
from parity.files import read_npz


def initial_weights(config: RunConfig, data: Dataset) -> Params:
    inputs, outputs = data.X.shape[1], data.y.shape[1]
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
    return {name: params[name].astype(config.dtype) for name in expected}
