import numpy as np
import pytest

# CUDA tests are marked @pytest.mark.cuda: the kit's own pytest plugin skips them, with the reason, where CUDA is absent.


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)
