"""The torch twin: layout conversion and a forward pass equal to numpy_net's."""

import numpy as np
import pytest
import torch

import numpy_net
import torch_net
from tests.helpers import families, problem


@pytest.mark.parametrize("bias", [True, False])
def test_weights_round_trip_through_the_module(bias, rng):
    X, y, params = problem(rng, bias=bias)
    model = torch_net.MLP(numpy_net.NetworkSpec((3, 5, 2), bias=bias), dtype=torch.float64)
    torch_net.load_params(model, params)
    assert model.layers[0].weight.shape == (5, 3)  # nn.Linear stores (out, in)
    back = torch_net.params_to_numpy(model)
    assert list(back) == list(params)
    for name in params:
        np.testing.assert_array_equal(back[name], params[name])


@pytest.mark.parametrize("hidden_sizes", [(5,), (5, 4)], ids=["one-hidden", "two-hidden"])
@pytest.mark.parametrize("hidden,output,name", families(), ids=lambda family: "-".join(family) if isinstance(family, tuple) else str(family))
def test_forward_and_gradients_agree_with_numpy_net(hidden, output, name, hidden_sizes, rng):
    X, y, params = problem(rng, hidden=hidden_sizes)
    if output == "softmax":
        y = y / y.sum(axis=1, keepdims=True)
    model = torch_net.MLP(numpy_net.NetworkSpec((3, *hidden_sizes, 2), hidden, output, name), dtype=torch.float64)
    torch_net.load_params(model, params)
    model.zero_grad()
    fwd = model(torch.tensor(X))
    torch_net.loss_function(name)(fwd.logits, fwd.output, torch.tensor(y)).backward()
    acts = numpy_net.forward(params, X, hidden, output)
    np.testing.assert_allclose(fwd.output.detach().numpy(), acts.output, rtol=1e-13)
    ours = numpy_net.backward(params, X, acts, y, numpy_net.make_loss(name, output), hidden)
    theirs = torch_net.grads_to_numpy(model)
    for p in params:
        np.testing.assert_allclose(ours[p], theirs[p], rtol=1e-10, atol=1e-14, err_msg=f"{name} {p}")


def test_numerics_switches_are_set_and_restored():
    before = torch.backends.cuda.matmul.allow_tf32
    with torch_net.numerics(allow_tf32=True, deterministic=True):
        assert torch.backends.cuda.matmul.allow_tf32 is True
        assert torch.are_deterministic_algorithms_enabled()
    with torch_net.numerics(allow_tf32=False):
        assert torch.backends.cuda.matmul.allow_tf32 is False
    assert torch.backends.cuda.matmul.allow_tf32 == before
    assert not torch.are_deterministic_algorithms_enabled()


def test_exported_weights_are_copies_not_views_of_live_parameters():
    # A (1, k) weight transposed is already contiguous: a view would move with the next update.
    model = torch_net.MLP(numpy_net.NetworkSpec((3, 4, 1)), dtype=torch.float64)
    exported = torch_net.params_to_numpy(model)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(1.0)
    for name, value in torch_net.params_to_numpy(model).items():
        np.testing.assert_allclose(value - exported[name], 1.0, err_msg=name)


def test_weights_in_a_foreign_byte_order_or_a_reversed_view_load_into_torch_as_their_values():
    W = np.arange(6, dtype=">f4").reshape(2, 3)  # as read from a big-endian file
    b = np.arange(3, dtype=np.float32)[::-1]  # a view with a negative stride
    parameters = {"W1": torch.nn.Parameter(torch.zeros(3, 2)), "b1": torch.nn.Parameter(torch.zeros(3))}
    torch_net.load_into(parameters, {"W1": W, "b1": b})
    assert np.array_equal(parameters["W1"].detach().numpy(), W.T) and np.array_equal(parameters["b1"].detach().numpy(), b)
