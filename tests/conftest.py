import os

import numpy as np
import pytest
import torch
from threadpoolctl import threadpool_limits

# CUDA tests are marked @pytest.mark.cuda: the kit's own pytest plugin skips them, with the reason, where CUDA is absent.

if os.environ.get("PYTEST_XDIST_WORKER"):  # one worker per core (pytest -n auto): each keeps to one thread, or the
    torch.set_num_threads(1)  # workers' torch and BLAS pools oversubscribe the cores and the suite runs slower than alone
    threadpool_limits(1)
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # and the programs a test starts in a process of their own


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)
