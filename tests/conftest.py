import numpy as np
import pytest
import torch

requires_cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="CUDA is not available on this machine")


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)
