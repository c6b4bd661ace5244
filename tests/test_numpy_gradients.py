"""numpy_net's backward pass against central finite differences, in float64."""

import numpy as np
import pytest

import numpy_net
from parity.diagnosis.oracles import finite_differences
from tests.helpers import families, problem


@pytest.mark.parametrize("hidden_sizes", [5, (5, 4)], ids=["one-hidden", "two-hidden"])
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
@pytest.mark.parametrize("hidden,output,loss_name", families(), ids=lambda family: "-".join(family) if isinstance(family, tuple) else str(family))
def test_backward_matches_finite_differences(hidden, output, loss_name, bias, hidden_sizes, rng):
    X, y, params = problem(rng, bias=bias, hidden=hidden_sizes)
    if output == "softmax":
        y = y / y.sum(axis=1, keepdims=True)  # rows of probabilities, as cross-entropy targets are
    loss = numpy_net.make_loss(loss_name, output)
    acts = numpy_net.forward(params, X, hidden, output)
    analytic = numpy_net.backward(params, X, acts, y, loss, hidden)
    numeric = finite_differences(params, X, y, loss_name, max_elements=10**6, hidden=hidden, output=output)
    assert set(analytic) == set(params)
    for name, (indices, values) in numeric.items():
        assert analytic[name].shape == params[name].shape and indices.size == params[name].size
        # central differences carry about eps * loss / h = 1e-9 of rounding for a summed loss of a few units
        np.testing.assert_allclose(analytic[name].ravel(), values, rtol=1e-6, atol=1e-8, err_msg=name)


def test_loss_scales_relate_as_their_conventions(rng):
    X, y, params = problem(rng)
    acts = numpy_net.forward(params, X)
    value = {name: float(numpy_net.make_loss(name).value(acts.logits, acts.output, y)) for name in numpy_net.LOSSES}
    assert value["half-sse"] == pytest.approx(value["sse"] / 2)
    assert value["mse"] == pytest.approx(value["sse"] / y.size)


def test_bce_matches_the_textbook_formula(rng):
    X, y, params = problem(rng)
    acts = numpy_net.forward(params, X)
    o = acts.output
    textbook = -np.mean(y * np.log(o) + (1 - y) * np.log(1 - o))
    assert float(numpy_net.make_loss("bce").value(acts.logits, o, y)) == pytest.approx(textbook, rel=1e-12)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_sigmoid_is_quiet_and_exact_at_the_extremes(dtype):
    z = np.array([-1e6, -800, -100, -1, 0, 1, 100, 800, 1e6], dtype=dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = numpy_net.sigmoid(z)
    assert s.dtype == np.dtype(dtype)
    assert np.all((s >= 0) & (s <= 1))
    assert s[4] == 0.5 and s[0] == 0 and s[-1] == 1
    moderate = np.linspace(-20, 20, 41).astype(dtype)
    np.testing.assert_allclose(numpy_net.sigmoid(moderate), 1 / (1 + np.exp(-moderate.astype(np.float64))), rtol=1e-6)


def test_bce_is_finite_on_saturated_outputs():
    logits = np.array([[-800.0], [800.0]])
    y = np.array([[1.0], [0.0]])
    output = numpy_net.sigmoid(logits)
    loss = numpy_net.make_loss("bce")
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert float(loss.value(logits, output, y)) == pytest.approx(800.0)
        np.testing.assert_allclose(loss.delta(logits, output, y), [[-0.5], [0.5]])


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_forward_and_backward_keep_the_dtype(dtype, rng):
    X, y, params = problem(rng, dtype=dtype)
    for name in numpy_net.LOSSES:
        loss = numpy_net.make_loss(name)
        acts = numpy_net.forward(params, X)
        grads = numpy_net.backward(params, X, acts, y, loss)
        values = [acts.hidden, acts.output, loss.value(acts.logits, acts.output, y), *grads.values()]
        assert {v.dtype for v in values} == {np.dtype(dtype)}, name


def test_initial_weights_are_seeded_and_shared_across_dtypes():
    a = numpy_net.init_weights(3, 4, 2, True, "float64", seed=7)
    b = numpy_net.init_weights(3, 4, 2, True, "float32", seed=7)
    c = numpy_net.init_weights(3, 4, 2, True, "float64", seed=8)
    assert list(a) == ["W1", "b1", "W2", "b2"]
    assert a["W1"].shape == (3, 4) and a["W2"].shape == (4, 2) and a["b1"].shape == (4,)
    for name in a:
        np.testing.assert_array_equal(a[name].astype("float32"), b[name])
        assert not np.array_equal(a[name], c[name])
    assert np.abs(a["W1"]).max() <= 1 / np.sqrt(3)
    assert "b1" not in numpy_net.init_weights(3, 4, 2, False, "float64", seed=7)


def test_weights_survive_a_save_and_load(tmp_path):
    params = numpy_net.init_weights(3, 4, 2, True, "float32", seed=0)
    numpy_net.save_weights(str(tmp_path / "w.npz"), params)
    loaded = numpy_net.load_weights(str(tmp_path / "w.npz"))
    assert list(loaded) == list(params)
    for name in params:
        np.testing.assert_array_equal(loaded[name], params[name])
        assert loaded[name].dtype == params[name].dtype
