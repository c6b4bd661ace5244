"""The port computes what the NumPy network computes, on CPU and, where there is one, on the GPU."""

import pytest

from parity import UserNetwork
from parity.testing import assert_parity

NUMPY = UserNetwork("xor_net.py:XorNet", step="net.train_step(X, y)")


def test_the_port_matches_the_numpy_network(parity_config):
    assert_parity(parity_config, numpy=NUMPY, torch="xor_port.py:XorPort", lr=0.5, steps=300)


@pytest.mark.cuda
def test_the_port_matches_on_the_gpu(parity_config):
    assert_parity(parity_config, numpy=NUMPY, torch="xor_port.py:XorPort", lr=0.5, steps=300)
