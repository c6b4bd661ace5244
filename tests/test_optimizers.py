"""Each numpy_net optimizer against torch.optim, step by step, in float64."""

import numpy as np
import pytest
import torch

import numpy_net
import torch_net

SETTINGS = dict(lr=0.1, momentum=0.8, dampening=0.3, betas=(0.85, 0.99), eps=1e-8)


@pytest.mark.parametrize("name", numpy_net.OPTIMIZERS)
def test_optimizer_matches_torch_for_50_steps(name, rng):
    shapes = {"W1": (3, 4), "b1": (4,), "W2": (4, 2), "b2": (2,)}
    params = {k: rng.standard_normal(s) for k, s in shapes.items()}
    tensors = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    settings = dict(SETTINGS, dampening=0.0) if name == "nesterov" else SETTINGS
    ours = numpy_net.make_optimizer(name, **settings)
    theirs = torch_net.make_optimizer(name, tensors.values(), **settings)
    for step in range(1, 51):
        grads = {k: rng.standard_normal(s) for k, s in shapes.items()}
        ours.step(params, grads)
        for k, t in tensors.items():
            t.grad = torch.tensor(grads[k])
        theirs.step()
        for k in shapes:
            np.testing.assert_allclose(params[k], tensors[k].detach().numpy(), rtol=1e-12, atol=1e-14, err_msg=f"{name}, step {step}, {k}")


def test_torch_momentum_seeds_its_buffer_with_the_raw_gradient():
    p = {"W": np.zeros(1)}
    opt = numpy_net.make_optimizer("momentum", lr=1.0, momentum=0.9, dampening=0.5)
    opt.step(p, {"W": np.ones(1)})
    assert p["W"][0] == -1.0  # no dampening on the first step
    opt.step(p, {"W": np.ones(1)})
    assert p["W"][0] == pytest.approx(-1.0 - (0.9 + 0.5))


def test_ema_momentum_starts_from_zero():
    p = {"W": np.zeros(1)}
    opt = numpy_net.make_optimizer("ema-momentum", lr=1.0, momentum=0.9)
    opt.step(p, {"W": np.ones(1)})
    assert p["W"][0] == pytest.approx(-0.1)  # (1 - β) of the gradient
    opt.step(p, {"W": np.ones(1)})
    assert p["W"][0] == pytest.approx(-0.1 - 0.19)


def test_plain_torch_momentum_is_not_ema_momentum():
    """The convention the kit exists to carry: without the zero buffer, torch's first step differs."""
    w = torch.zeros(1, requires_grad=True)
    plain = torch.optim.SGD([w], lr=1.0, momentum=0.9, dampening=0.9)
    w.grad = torch.ones(1)
    plain.step()
    assert w.item() == pytest.approx(-1.0)
