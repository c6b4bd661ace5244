"""The terminal table: a headline saying what ran, then one row per tensor, OK or NOT OK."""

from __future__ import annotations

from parity.config.config import RunConfig
from parity.config.distributed import loss_convention
from parity.engine.compare import TensorSummary
from parity.tolerance import rule_line


def headline(config: RunConfig, device: str, network: dict | None = None) -> str:
    rtol, atol = config.tolerances
    bias = "bias" if config.bias else "no bias"
    against = f"{_programs(network)}, " if network else ""
    batches = f", batch size {config.batch_size}{' shuffled' if config.shuffle else ''}" if config.batch_size else ""
    batches += f", compared every {config.check_every} steps" if config.check_every > 1 else ""
    what = ("" if (network or {}).get("mode") == "as-written"
            else f"{config.describe_network()}, {bias}, loss {config.loss}, {config.optimizer} lr={config.lr:g}, ")
    return (
        f"parity: {against}{config.data}, {what}{config.steps} steps{batches}, {config.dtype} on {device}, {config.mode}\n"
        f"{rule_line(rtol, atol, config.dtype, explicit=config.rtol is not None or config.atol is not None)}"
    ) + "".join(f"\n{line}" for line in [*_where_parameters_are(network or {}), *_distributed(config, network or {})])


def _distributed(config: RunConfig, network: dict) -> list[str]:
    if config.world_size == 1:
        return []
    convention = loss_convention(config, own_step=bool(network.get("torch_step")))
    return [f"distributed: torch side as DistributedDataParallel over {config.world_size} ranks; {convention}"]


def _programs(network: dict) -> str:
    numpy, torch = network.get("network"), network.get("torch")
    if numpy and torch:
        return f"{numpy} against {torch}"
    return f"{numpy} against the torch twin" if numpy else f"the kit's NumPy network against {torch}"


def _as_written(network: dict) -> list[str]:
    """Two programs as written: how their parameters pair, and what each side's step is (and what the kit put in)."""
    lines = ["pairs: " + ", ".join(network["pairs"].values())]
    if network.get("state_pairs"):
        lines.append("  optimizer state: " + ", ".join(network["state_pairs"].values()))
    for side, key in (("numpy", "numpy_step"), ("torch", "torch_step")):
        supplied = network["supplied"][side]
        step = network[key].replace("\n", "; ")
        lines.append(f"{side} side: {step}" + (f" ({'; '.join(supplied)})" if supplied else ""))
    if network.get("square_layouts_measured"):
        lines.append("  square weights fit either layout; chosen as the first step agrees best: "
                     + ", ".join(network["square_layouts_measured"]))
    if network.get("unpaired_numpy_arrays"):
        lines.append("NumPy arrays not paired (taken as the program's own state): " + ", ".join(network["unpaired_numpy_arrays"]))
    return lines


def _where_parameters_are(network: dict) -> list[str]:
    """Where the user's parameters were found, so that a wrong guess is seen before any number is read."""
    if network.get("mode") == "as-written":
        return _as_written(network)
    lines = []
    if network.get("adapter"):
        lines.append("parameters: through get_params() and set_params() (the adapter protocol)")
    elif network.get("parameters"):
        found = set(network.get("found", ()))
        where = ", ".join(f"{name} = {place}" for name, place in network["parameters"].items())
        how = " (found by shape and name)" if found == set(network["parameters"]) else f" (found: {', '.join(sorted(found))})" if found else ""
        lines.append(f"parameters: {where}{how}")
        if network.get("square_layout_assumed"):
            lines.append(f"  a square weight fits either layout; assumed: {', '.join(network['square_layout_assumed'])}")
    if network.get("torch_parameters"):
        lines.append("port parameters: " + ", ".join(f"{name} = {place}" for name, place in network["torch_parameters"].items()))
    if network.get("kit_supplied"):
        lines.append(network["kit_supplied"])
    return lines


def tensor_table(tensors: dict[str, TensorSummary]) -> list[str]:
    """One row per tensor; allowed: the largest allowance the rule applied at the worst step; rule: which rule
    judged that step (a float64-reference row passed a difference beyond the allowance that float64 shows is
    rounding)."""
    width = max([9, *map(len, tensors)])
    header = (f"{'tensor':<{width}} {'max abs':>10} {'max rel':>10} {'worst step':>10} {'worst index':>12} {'allowed':>9} "
              f"{'tol used':>9}  {'rule':<17} result")
    rows = [header]
    for name, s in tensors.items():
        index = ",".join(map(str, s.worst_index)) or "-"
        result = "OK" if s.passed else f"NOT OK ({s.failed_steps} of {s.compared_steps} steps)"
        rows.append(
            f"{name:<{width}} {s.max_abs:>10.3g} {s.max_rel:>10.3g} {s.worst_step or '-':>10} {index:>12} {s.allowed:>9.3g} "
            f"{share(s.used):>9}  {s.rule:<17} {result}"
        )
    return rows


def share(used: float) -> str:
    """The share of its tolerance a tensor took at worst, as llm.c's test prints the "% of maximum error"."""
    if used == float("inf"):
        return "-"
    return f"{100 * used:.3g}%"
