"""The torch side as DistributedDataParallel: W worker processes, each a rank, against the single NumPy run.

torch.distributed is the engine: gloo on CPU (NCCL where every rank has a
GPU), one process a rank. Either the kit starts the ranks itself
(DistributedTorchSide: W spawned workers driven through pipes, rank 0's
record sent back to the parent), or a launcher such as torchrun started
every process (LaunchedRankSide: rank 0 runs the NumPy side and its own
rank in one process, the others follow its broadcasts). Each step every
rank takes its share of the batch as a DistributedSampler cuts it (rows
rank, rank + W, ...), DDP averages the gradients, and the optimizer steps.
The ranks' parameters are compared with each other on the ranks (an
all-reduce of the largest and smallest value of every element), and only
the spread comes back.

The loss convention: a mean loss over the global batch is the average of
the ranks' means (equal shards), which is what DDP computes. A sum loss is
the sum of the ranks' sums, but DDP averages, so each rank's loss is
multiplied by W; the report says so. `ddp_sum_scaling=False` leaves the
factor out, as a port that forgot it does.
"""

from __future__ import annotations

import datetime
import os
import signal
import socket
from typing import TYPE_CHECKING, Any

import numpy as np

from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.distributed import COLLECTIVE_TIMEOUT
from parity.config.data import Dataset
from parity.engine.batches import Rows
from parity.engine.record import Record
from parity.errors import InputError
from parity.memory import check_fits
from parity.processes import end_with_parent, ended, release_held_signals, signals_held

if TYPE_CHECKING:
    from parity.engine.replica import Replica

START_TIMEOUT = 300  # seconds for every rank to import torch and join the group
CRASH_GRACE = 3  # seconds for a rank whose connections dropped to be reaped
RANK_MEMORY = 200 * 2**20  # bytes a rank takes at least: a Python process with torch imported


def check_world_size(config: RunConfig, rows: int) -> None:
    """Every batch of the run must split evenly over the ranks, as a DistributedSampler without padding needs,
    and the ranks must fit in memory."""
    check_fits(RANK_MEMORY * config.world_size, f"--world-size {config.world_size}", "run fewer ranks")
    batch = min(config.batch_size or rows, rows)
    sizes = {batch} | ({rows % batch} if rows % batch else set())
    uneven = sorted(size for size in sizes if size % config.world_size)
    if uneven:
        raise InputError(f"--world-size {config.world_size}: a batch of {uneven[0]} rows does not split evenly over "
                         f"{config.world_size} ranks; choose a --batch-size (and data) divisible by it")


def distributed_side(config: RunConfig, rows: int) -> type:
    """The side for a distributed torch side, once the run is known to be possible: the kit's own workers, or,
    under a launcher such as torchrun, this process as rank 0."""
    check_world_size(config, rows)
    check_backend()
    if launched(config) is None:
        return DistributedTorchSide
    from parity.engine.distributed_launched import LaunchedRankSide

    return LaunchedRankSide


def check_backend() -> None:
    """gloo runs every rank on CPU, and is the fallback where the GPUs do not go round: it must be built in."""
    import torch.distributed as dist

    if not dist.is_available() or not dist.is_gloo_available():
        raise InputError("--world-size needs torch.distributed with the gloo backend, which this torch build lacks "
                         "(torch.distributed.is_gloo_available() is False); install a torch build that has it")


class DistributedTorchSide:
    """The Side interface over W worker processes."""

    def __init__(self, config: RunConfig, data: Dataset, init: Params, replica: Replica) -> None:
        from multiprocessing import resource_tracker

        import torch.multiprocessing as mp

        self.world_size, self.dtype = config.world_size, np.dtype(config.dtype)
        context = mp.get_context("spawn")  # torch is already imported here: fork would copy its threads' state
        os.environ.setdefault("MASTER_ADDR", "127.0.0.1")
        port = os.environ.get("MASTER_PORT") or str(_free_port())
        self.pipes, self.processes = [], []
        resource_tracker.ensure_running()  # it unblocks every signal as it starts: started before they are held
        try:
            with signals_held():  # Ctrl-C reaches the parent, which stops the workers
                for rank in range(self.world_size):
                    parent_end, child_end = context.Pipe()
                    process = context.Process(target=_worker, args=(rank, config, replica, data.X, data.y, init, port, child_end),
                                              daemon=True)
                    process.start()
                    child_end.close()
                    self.pipes.append(parent_end)
                    self.processes.append(process)
            self._gather(START_TIMEOUT)
        except BaseException:
            self.close()
            raise

    def load(self, params: Params) -> None:
        self._send(("load", params))
        self._gather(COLLECTIVE_TIMEOUT)

    def params(self) -> Params:
        self._send(("params", None))
        return self._gather(COLLECTIVE_TIMEOUT)[0]

    def step(self, rows: Rows) -> Record:
        self._send(("step", rows))
        record, spread = self._gather(COLLECTIVE_TIMEOUT)[0]
        return {**record, "rank_spread": np.asarray(spread, dtype=self.dtype)}

    def promoted(self) -> DistributedTorchSide:
        raise InputError("the float64 oracle does not run on a distributed side")

    def close(self) -> None:
        """Stop every worker: asked first, then terminated, then killed. No process outlives the run."""
        for pipe in self.pipes:
            try:
                pipe.send(("stop", None))
            except (OSError, ValueError):
                pass
        for process in self.processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
        for pipe in self.pipes:
            pipe.close()
        self.pipes, self.processes = [], []

    def _send(self, message: tuple) -> None:
        for rank, pipe in enumerate(self.pipes):
            try:
                pipe.send(message)
            except (OSError, ValueError):
                self._died(rank)

    def _gather(self, timeout: float) -> list[Any]:
        replies = []
        for rank, pipe in enumerate(self.pipes):
            if not pipe.poll(timeout):
                self._died(rank, f"no answer within {timeout:g} s")
            try:
                kind, value = pipe.recv()
            except (EOFError, OSError):
                self._died(rank)
            if kind == "error":
                dead = self._crashed(besides=rank)
                if dead is not None:  # a rank that died makes the others' collectives fail: name the cause, not the echo
                    self._died(dead)
                self.close()
                raise InputError(f"rank {rank}: {value[:300]}")
            replies.append(value)
        return replies

    def _crashed(self, besides: int) -> int | None:
        """The rank, other than the one that reported an error, whose process ended without a word, if any.

        A peer's death reaches a survivor as a reset connection as the dead process's files close, a moment
        before the process can be reaped: its exit is awaited for a grace period, not sampled once."""
        from multiprocessing.connection import wait

        others = {process.sentinel: rank for rank, process in enumerate(self.processes) if rank != besides}
        for sentinel in wait(list(others), timeout=CRASH_GRACE):
            process = self.processes[others[sentinel]]
            process.join(timeout=CRASH_GRACE)
            if process.exitcode not in (None, 0):
                return others[sentinel]
        return None

    def _died(self, rank: int, why: str = "") -> None:
        process = self.processes[rank]
        process.join(timeout=CRASH_GRACE)
        how = why or (ended(process.exitcode) if process.exitcode is not None else "no answer")
        self.close()
        raise InputError(f"rank {rank} of the distributed run stopped ({how}); every worker was stopped")


def launched(config: RunConfig) -> int | None:
    """This process's rank when a launcher such as torchrun started it (RANK, WORLD_SIZE, MASTER_ADDR set), else None."""
    if not {"RANK", "WORLD_SIZE", "MASTER_ADDR"} <= set(os.environ):
        return None
    if int(os.environ["WORLD_SIZE"]) != config.world_size:
        raise InputError(f"--world-size {config.world_size}, but the launcher started {os.environ['WORLD_SIZE']} processes: give the same number")
    return int(os.environ["RANK"])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _worker(rank: int, config: RunConfig, replica: Replica, X: np.ndarray, y: np.ndarray, init: Params, port: str, pipe) -> None:
    """One rank: join the group, then answer the parent until it says stop or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the workers
    release_held_signals()
    from multiprocessing import parent_process

    parent = parent_process()  # the pid it was started by: if that has ended already, it ends now
    end_with_parent(parent.pid if parent else os.getppid())  # a rank in a collective never reads that its parent died
    from parity.allocator import keep_freed_memory

    keep_freed_memory()  # a worker is a fresh interpreter: tuned as the `parity` command tunes its own
    from parity.engine.distributed_rank import Rank  # in the worker: the parent never builds a rank

    try:
        os.environ["MASTER_PORT"] = port
        worker = Rank(rank, config, datetime.timedelta(seconds=COLLECTIVE_TIMEOUT))
    except Exception as error:  # reported by the parent as one line
        pipe.send(("error", _described(error)))
        return
    try:
        worker.build(replica, X, y, init)
        pipe.send(("ready", None))
    except Exception as error:
        pipe.send(("error", _described(error)))
        worker.close()
        return
    try:
        while True:
            try:
                kind, value = pipe.recv()
            except (EOFError, OSError):
                break  # the parent is gone
            if kind == "stop":
                break
            try:
                pipe.send(("ok", worker.handle(kind, value)))
            except Exception as error:
                pipe.send(("error", _described(error)))
                break
    finally:
        worker.close()


def _described(error: Exception) -> str:
    """One line for the parent: the kit's own errors as they read, anything else with its type."""
    return str(error) if isinstance(error, InputError) else f"{type(error).__name__}: {error}"
