"""Both programs as written, made ready to run: the data as the programs take it, both built, paired, one start.

    parity check NUMPY.py:NAME --torch PORT.py:NAME [--init ...] [--torch-init ...] [--step ...] [--torch-step ...]
                 [--param NUMPY_EXPR=TORCH_NAME[.T|.permute(...)]] [--data FILE.npz]

Any architecture: the kit knows nothing of the layers. It pairs the
parameters, writes the NumPy program's initial values into the port (in
place), steps each program with its own code, and compares what both
record (programs/written/sides.py).
"""

from __future__ import annotations

import inspect
import itertools
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from parity import files
from parity.config.config import RunConfig
from parity.config.data import Dataset, load_dataset
from parity.engine.setup import Setup, resolve_device, run_environment
from parity.engine.sides import cast_arrays, state_like_parameters
from parity.errors import InputError
from parity.pristine import kits_code
from parity.programs.network import UserNetwork
from parity.programs.user_code import UserCode
from parity.programs.written.pairing import Layout, Pair, evaluate_on, numpy_candidates, pair_parameters
from parity.programs.written.program import Program
from parity.programs.written.sides import NumpyProgramSide, TorchProgramSide
from parity.programs.written.state import paired_state

TRAINING_FUNCTIONS = ("train_step", "training_step", "fit_step", "step", "train", "fit")


@dataclass(frozen=True)
class WrittenPrograms:
    """What `parity check` was told about the two programs, as given."""

    numpy: str  # FILE.py:NAME
    torch: str
    init: str = ""
    torch_init: str = ""
    step: str = ""
    torch_step: str = ""
    params: tuple[str, ...] = field(default_factory=tuple)
    loss: str = ""
    torch_loss: str = ""
    output: str = ""
    torch_output: str = ""
    grads: str = ""
    torch_optimizer: str = ""
    torch_loss_fn: str = ""
    quiet: bool = False
    backward: str = ""
    update: str = ""
    torch_backward: str = ""
    torch_update: str = ""
    start_from: str = "numpy"  # whose initial parameters both programs start from
    state: tuple[str, ...] = ()  # --state KIND=EXPR: torch's optimizer state KIND against a NumPy dict keyed like the parameters

    def to_dict(self) -> dict:
        return {"mode": "as-written", **{k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(self).items()}}


def read_data(spec: str, dtype: str) -> Dataset:
    """A .npz's X and y as the programs take them: any shape; floats in the run's dtype, integers as int64 (token
    ids and class labels stay integers); other data as every run reads it."""
    if not spec.lower().endswith(".npz"):
        return load_dataset(spec, dtype)
    arrays = files.read_npz(spec, "--data")
    missing = [name for name in ("X", "y") if name not in arrays]
    if missing:
        raise InputError(f"--data {spec!r}: the .npz has no array {' or '.join(missing)} (found {', '.join(arrays) or 'nothing'})")
    found = []
    for name in ("X", "y"):
        array = arrays[name]
        if array.dtype.kind in "biu":
            array = array.astype(np.int64)
        elif array.dtype.kind == "f":
            array = array.astype(dtype)
            if not np.isfinite(array).all():
                raise InputError(f"--data {spec!r}: {name} holds NaN, Inf or values beyond {dtype}")
        else:
            raise InputError(f"--data {spec!r}: {name} holds {array.dtype} values, not numbers")
        if array.ndim == 0 or not len(array):
            raise InputError(f"--data {spec!r}: {name} holds no rows")
        found.append(array)
    if len(found[0]) != len(found[1]):
        raise InputError(f"--data {spec!r}: X has {len(found[0])} rows, y {len(found[1])}")
    return Dataset(found[0], found[1], spec)


def _class(code: UserCode) -> type:
    return code.cls


def _default_init(cls: type, main: str) -> str:
    """NAME(), or NAME(X, y) where the constructor takes two arguments it has no default for."""
    try:
        required = [p for p in inspect.signature(cls).parameters.values()
                    if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        required = []
    return f"{main} = {cls.__name__}({'X, y' if len(required) >= 2 else ''})"


def training_function(names: dict[str, Any]) -> str | None:
    """The port file's obvious training function: train_step, fit_step, ... defined in it."""
    return next((n for n in TRAINING_FUNCTIONS if inspect.isfunction(names.get(n))), None)


class Built:
    """Both programs built once: their code, names and pairing; fresh sides made from them on demand."""

    def __init__(self, config: RunConfig, given: WrittenPrograms, data: Dataset, dtype_given: bool) -> None:
        self.config, self.given, self.data, self.dtype_given = config, given, data, dtype_given
        self.numpy_code = UserCode(UserNetwork(given.numpy, "None", "pass", (), None, given.quiet))
        self.torch_code = UserCode(UserNetwork(given.torch, "None", "pass", (), None, given.quiet), "--torch")
        self.numpy_program = self._numpy_program()
        self.torch_program = Program("torch", "--torch", "model", given.torch_init or "", given.torch_step,
                                     given.torch_loss, given.torch_output, backward=given.torch_backward,
                                     update=given.torch_update)
        net_names = self._build_numpy()
        net = net_names["net"]
        model_names = self._build_torch()
        self.numpy_program.state = self.torch_program.state = paired_state(net, model_names.get("optimizer"), given.state)
        shapes = {n: tuple(p.shape) for n, p in model_names["model"].named_parameters()}
        self.pairs: list[Pair] = pair_parameters(net, shapes, given.params)
        own = {np.asarray(evaluate_on(net, p.numpy)).dtype for p in self.pairs}
        self.dtype = config.dtype if dtype_given or len(own) != 1 else str(own.pop())
        if self.dtype not in ("float32", "float64"):
            raise InputError(f"the NumPy program keeps its parameters in {self.dtype}; give --dtype float32 or float64")
        self.unpaired = [e for e in numpy_candidates(net) if e not in {p.numpy for p in self.pairs}]

    def _numpy_program(self) -> Program:
        given, cls = self.given, _class(self.numpy_code)
        init = given.init or _default_init(cls, "net")
        step = given.step or ("net.train_step(X, y)" if callable(getattr(cls, "train_step", None)) else "")
        if given.backward and given.update:
            step = f"{given.backward}; {given.update}"
        if not step:
            raise InputError(f"{cls.__name__} has no train_step(X, y): give one step with --step, e.g. "
                             f"--step \"net.forward(X); net.backward(y); net.update()\"")
        return Program("NumPy", "", "net", init, step, given.loss, given.output, given.grads, backward=given.backward,
                       update=given.update)

    def _build_numpy(self) -> dict[str, Any]:
        scope = self.numpy_code.scope(X=self.data.X, y=self.data.y)
        self.numpy_program.build(self.numpy_code, scope)
        if not self.given.grads and isinstance(getattr(scope["net"], "grads", None), dict):
            self.numpy_program.grads = "net.grads"  # a gradient dict the program keeps: compared where keyed like the pairs
        return scope

    def _build_torch(self) -> dict[str, Any]:
        given, program, cls = self.given, self.torch_program, _class(self.torch_code)
        scope = self._torch_scope()
        trainer = training_function(scope)
        lines = [given.torch_init or f"model = {cls.__name__}()"]
        if given.torch_optimizer:
            lines.append(f"optimizer = {given.torch_optimizer}")
        elif "optimizer" not in given.torch_init and callable(scope.get("make_optimizer")):
            lines.append("optimizer = make_optimizer(model)\nif isinstance(optimizer, tuple): optimizer, scheduler = optimizer")
        elif "optimizer" not in given.torch_init:
            lines.append(f"optimizer = torch.optim.SGD(model.parameters(), lr={self.config.lr!r})")
            program.supplied.append(f"the kit's torch.optim.SGD(lr={self.config.lr:g})")
        if given.torch_loss_fn:
            lines.append(f"loss_fn = {given.torch_loss_fn}")
        if not given.torch_step and not trainer and not given.torch_loss_fn:
            lines.append("loss_fn = F.mse_loss")
            program.supplied.append("the kit's F.mse_loss")
        program.init = "\n".join(lines)
        program.build(self.torch_code, scope)
        if program.split:
            program.step = f"{program.backward}; {program.update}"
        elif not given.torch_step and trainer:
            takes_schedule = "scheduler" in inspect.signature(scope[trainer]).parameters and "scheduler" in scope
            program.step = f"{trainer}(model, optimizer, X, y{', scheduler=scheduler' if takes_schedule else ''})"
        elif not given.torch_step:
            program.step = "optimizer.zero_grad()\nloss = loss_fn(model(X), y)\nloss.backward()\noptimizer.step()"
        if not isinstance(scope.get("model"), nn.Module):
            raise InputError(f"--torch-init left model as {type(scope.get('model')).__name__}, not an nn.Module")
        if "scheduler" in scope and "scheduler" not in program.state_names:
            program.state_names.add("scheduler")
        return scope

    def _torch_scope(self) -> dict[str, Any]:
        X, y = (torch.as_tensor(a) for a in (self.data.X, self.data.y))
        return self.torch_code.scope(torch=torch, nn=nn, F=F, X=X, y=y, lr=self.config.lr)

    def make_sides(self) -> tuple[NumpyProgramSide, TorchProgramSide]:
        """Both programs built afresh, the port given the NumPy program's parameters: the run's shared start."""
        device = resolve_device(self.config.device)
        numpy_scope = self._build_numpy()
        if self.dtype_given:  # --dtype: every floating-point array the program holds, not only its parameters
            seen: dict = {}  # what two of its objects share stays shared
            for name in self.numpy_program.state_names:
                value = numpy_scope[name]
                if hasattr(value, "__dict__") and not isinstance(value, type):
                    cast_arrays(value, np.dtype(self.dtype).type, seen)
        torch_scope = self._build_torch()
        model = torch_scope["model"]
        model.to(device=device, dtype=getattr(torch, self.dtype))
        state_like_parameters(torch_scope.get("optimizer"))
        X = self.data.X.astype(self.dtype) if self.data.X.dtype.kind == "f" else self.data.X
        y = self.data.y.astype(self.dtype) if self.data.y.dtype.kind == "f" else self.data.y
        Xt, yt = torch.as_tensor(X, device=device), torch.as_tensor(y, device=device)
        numpy_side = NumpyProgramSide(self.numpy_code, self.numpy_program, numpy_scope, self.pairs, X, y, self.dtype)
        torch_side = TorchProgramSide(self.torch_code, self.torch_program, torch_scope, self.pairs, Xt, yt, self.dtype)
        source = torch_side if self.given.start_from == "torch" else numpy_side
        start = {p.name: source.read(p).astype(self.dtype) for p in self.pairs}
        numpy_side.load(start)
        torch_side.load(start)
        return numpy_side, torch_side


def record_names(numpy_record: dict, torch_record: dict, pairs: list[Pair]) -> tuple[str, ...]:
    """What both records hold, in the order a step computes it: the loss and output, the gradients (back-propagation
    order), the updates, the parameters."""
    state = sorted({n.partition(".")[2] for n in numpy_record if "." in n} - {"grad", "update"})
    order = ["loss", "output", *(f"{p.name}.grad" for p in reversed(pairs)),
             *(f"{p.name}.{kind}" for p in reversed(pairs) for kind in state), *(f"{p.name}.update" for p in pairs),
             *(p.name for p in pairs)]
    return tuple(name for name in order if name in numpy_record and name in torch_record)


SQUARE_SEARCH = 4  # square weights found by shape whose layout is measured: 2^4 first steps at most
FORWARD_AGREES = 1e-4  # a first loss this close under either layout: the layouts told apart by the whole step


def choose_square_layouts(built: Built, rows: slice, given: tuple[str, ...]) -> list[str]:
    """A square weight found by shape fits as it is and transposed: the layout is the one under which the two
    programs' first step agrees best (loss and updates). Returns the pairs so chosen, as described."""
    square = [i for i, p in enumerate(built.pairs) if p.layout.axes is None and len(p_shape := np.shape(built.make_sides()[0].read(p))) == 2
              and p_shape[0] == p_shape[1] and p_shape[0] > 1 and not any(p.numpy in g for g in given)]
    if not square or len(square) > SQUARE_SEARCH:
        return []
    original, best = list(built.pairs), ((float("inf"), float("inf")), list(built.pairs))
    for choice in itertools.product((False, True), repeat=len(square)):
        pairs = list(original)
        for index, transposed in zip(square, choice):
            pairs[index] = replace(pairs[index], layout=Layout((1, 0)) if transposed else Layout())
        built.pairs = pairs
        numpy_side, torch_side = built.make_sides()
        a, b = numpy_side.step(rows), torch_side.step(rows)
        gaps = {n: float(np.max(np.abs(a[n] - b[n]) / (np.abs(b[n]).max(initial=0) + 1e-30)))
                for n in record_names(a, b, pairs) if not n.endswith(".grad")}
        forward = max((gaps[n] for n in ("loss", "output") if n in gaps), default=0.0)
        gap = (forward if forward > FORWARD_AGREES else 0.0, max(gaps.values()))  # the forward first: a slip in the
        if gap < best[0]:  # backward or the update parts the updates under either layout, the loss only under the wrong one
            best = (gap, pairs)
    built.pairs = best[1]
    return [built.pairs[i].describe() for i in square]


@kits_code()  # the kit sets up with NumPy as it was before the user's code loaded (parity.pristine)
def prepare_written(config: RunConfig, given: WrittenPrograms, dtype_given: bool) -> Setup:
    data = read_data(config.data, config.dtype)
    built = Built(config, given, data, dtype_given)
    config = RunConfig(**{**config.to_dict(), "dtype": built.dtype})
    built.config = config
    first = slice(0, min(len(data.X), config.batch_size or len(data.X)))
    square = choose_square_layouts(built, first, given.params)
    probe_numpy, probe_torch = built.make_sides()
    names = record_names(probe_numpy.step(first), probe_torch.step(first), built.pairs)
    if "loss" not in names:  # compared where both give it; the parameters and updates always are
        built.numpy_program.supplied.append("no loss compared: give --loss-expr and --torch-loss-expr, or steps that return it")
    init = built.make_sides()[0].params()
    network = {
        **given.to_dict(), "network": given.numpy, "torch": given.torch,
        "pairs": {p.name: p.describe() for p in built.pairs},
        "state_pairs": {kind: f"net.{expression}[...] = optimizer.state[...]['{kind}']" for kind, expression in built.numpy_program.state.items()},
        "numpy_step": built.numpy_program.step, "torch_step": built.torch_program.step,
        "supplied": {"numpy": built.numpy_program.supplied, "torch": built.torch_program.supplied},
        "unpaired_numpy_arrays": built.unpaired, "square_layouts_measured": square,
    }
    device = resolve_device(config.device)
    return Setup(config, data, init, run_environment(config, device), built.make_sides, names, network,
                 user_sides=("numpy", "torch"), written=built)
