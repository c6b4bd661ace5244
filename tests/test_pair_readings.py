"""Readings of where two programs as written part, each beside a version that must stay silent: the loss's arithmetic
past a sum, scales and counts on each side, random draws, masks used as indices, exchanged values, backward terms,
rows weighed by micro-batch, a decay's order, and end to end through `parity check`."""

import json
from types import SimpleNamespace

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from tests.test_trace_readings import values as traced

RNG = np.random.default_rng(11)


def test_a_sum_to_one_number_keeps_the_trace_so_the_losss_arithmetic_after_it_is_seen():
    from parity.diagnosis.value_trace import _TRACE, Trace, TracedArray
    trace = Trace()
    x = RNG.normal(size=(4, 3))
    _TRACE.append(trace)
    try:
        traced_x = x.view(TracedArray)
        trace.root("X", traced_x, x)
        kl = -0.5 * np.sum(traced_x) / 4
    finally:
        _TRACE.pop()
    assert [v.op for v in trace.values] == ["X", "sum", "multiply", "divide"]
    assert float(kl) == pytest.approx(-0.5 * x.sum() / 4)


def test_one_number_and_a_column_agree_with_the_ports_as_numbers():
    from parity.diagnosis.agreements import agreements
    column = RNG.normal(size=6)
    mine = traced(("X", np.ones((6, 2)), (), ""), ("sum", 2.5, (0,), ""), ("getitem", column, (0,), ":, 0"))
    theirs = traced(("X", np.ones((6, 2)), (), ""), ("sum", 2.5, (0,), ""), ("getitem", column[:, None], (0,), ":, :1"))
    assert set(agreements(mine, theirs, 1e-6)) == {0, 1, 2}
    other = traced(("X", np.ones((6, 2)), (), ""), ("sum", 2.6, (0,), ""), ("getitem", -column[:, None], (0,), ""))
    assert set(agreements(mine, other, 1e-6)) == {0}


def test_a_division_by_the_rows_against_a_product_by_one_is_a_mean_against_a_sum():
    from parity.diagnosis.op_pairs import constants
    mine = traced(("X", np.ones(1), (), ""), ("divide", 1.0, (0, 32.0), ""))
    theirs = traced(("X", np.ones(1), (), ""), ("mul", 32.0, (0, 1.0), ""))
    said = constants(mine.values[1:], theirs.values[1:], rows=32)
    assert "divides it by 32" in said and "multiplies it by 1" in said and "the batch's rows" in said, said
    same = traced(("X", np.ones(1), (), ""), ("mul", 1 / 32, (0, 1 / 32), ""))
    assert constants(mine.values[1:], same.values[1:], rows=32) == ""


def test_a_weight_on_one_term_where_the_other_side_weighs_the_other_term_is_said():
    from parity.diagnosis.one_sided import one_sided_scale
    # NumPy: recon + 0.5 * kl; port: 0.5 * recon + kl
    mine = traced(("X", 1.0, (), ""), ("y", 2.0, (), ""), ("multiply", 1.0, (0.5, 1), ""), ("add", 2.0, (0, 2), ""))
    theirs = traced(("X", 1.0, (), ""), ("y", 2.0, (), ""), ("mul", 0.5, (0, 0.5), ""), ("add", 2.5, (2, 1), ""))
    said = one_sided_scale([mine.values[2]], [theirs.values[3]], mine, theirs)
    assert "multiplies it by 0.5" in said and "applies that 0.5 to another value, X ()" in said, said
    used_otherwise = traced(("X", 1.0, (), ""), ("y", 2.0, (), ""), ("exp", 1.0, (1,), ""))
    assert one_sided_scale([mine.values[2]], [used_otherwise.values[2]], mine, used_otherwise) == ""


def test_a_ports_own_random_draw_where_the_numpy_program_reads_its_noise_is_said():
    from parity.diagnosis.comparisons import random_draw
    eps, std = RNG.normal(size=(5, 2)), RNG.random((5, 2))
    mine = traced(("X", eps, (), ""), ("exp", std, (0,), ""), ("multiply", std * eps, (1, 0), ""))
    draw = RNG.normal(size=(5, 2))
    theirs = traced(("X", eps, (), ""), ("exp", std, (0,), ""), ("randn_like", draw, (1,), ""), ("mul", std * draw, (1, 2), ""))
    said = random_draw([mine.values[2]], [theirs.values[3]], mine, theirs, set())
    assert "randn_like (5, 2)" in said and "X (5, 2) in its multiply" in said, said
    assert random_draw([mine.values[2]], [theirs.values[3]], mine, theirs, {2}) == ""  # a draw the NumPy program equals
    scaled = traced(("X", eps, (), ""), ("randn", draw, (), ""), ("mul", 0.3 * draw, (1, 0.3), ""), ("add", eps + 0.3 * draw, (0, 2), ""))
    said = random_draw([mine.values[2]], [scaled.values[3]], mine, scaled, set())  # σ · randn: the draw an op further back
    assert "randn (5, 2)" in said, said
    assert random_draw([mine.values[2]], [scaled.values[3]], mine, scaled, {1}) == ""


def test_a_mask_of_zeros_and_ones_used_as_integer_indices_is_said_and_labels_are_not():
    from parity.diagnosis.comparisons import mask_as_indices
    h, mask = RNG.normal(size=(6, 3)), np.array([1.0, 0, 1, 1, 0, 1])
    rows = traced(("X", h, (), ""), ("astype", mask, (), ""), ("getitem", h[mask.astype(int)], (0, 1), "idx"))
    assert "the 4 rows marked 1" in mask_as_indices(rows.values[2:], rows)
    kept = traced(("X", h, (), ""), ("astype", mask, (), ""), ("getitem", h[mask.astype(bool)], (0, 1), "idx"))
    picked = traced(("X", h, (), ""), ("astype", mask, (), ""), ("getitem", h[np.arange(6), mask.astype(int)], (0, 1), ":, idx"))
    assert mask_as_indices(kept.values[2:], kept) == "" and mask_as_indices(picked.values[2:], picked) == ""


def test_two_means_of_one_total_over_other_counts_are_said():
    from parity.diagnosis.mean_counts import mean_counts
    errors = RNG.random((26, 1))
    mine = traced(("X", errors, (), ""), ("mean", errors.mean(), (0,), ""))
    theirs = traced(("X", np.vstack([errors, np.zeros((14, 1))]), (), ""), ("mse_loss", errors.sum() / 40, (0,), ""))
    said = mean_counts(mine.values[1:], mine, theirs)
    assert "divides by 26, the port by 40" in said, said
    other = traced(("X", np.ones((40, 1)), (), ""), ("mse_loss", errors.sum() / 39, (0,), ""))
    assert mean_counts(mine.values[1:], mine, other) == ""
    # an elementwise loss over (13, 2) averages 26 elements, never its 13 rows: a factor of 2 is no count
    halved = traced(("X", errors.reshape(13, 2), (), ""), ("smooth_l1_loss", errors.sum() / 13, (0,), ""))
    assert mean_counts(mine.values[1:], mine, halved) == ""


def test_a_chunks_sum_over_the_batch_against_its_mean_over_the_chunks_is_said_with_both_divisors():
    """A micro-batch of 16 of a batch's 56 rows: its loss summed and divided by 56 on one side, averaged and divided
    by the 4 micro-batches on the other (÷64); where the port divides by 3.5 chunks, the two weigh it alike."""
    from parity.diagnosis.mean_counts import mean_counts
    errors = RNG.random((16, 1))
    mine = traced(("X", RNG.random((56, 1)), (), ""), ("getitem", errors, (0,), ":16"), ("sum", errors.sum(), (1,), ""),
                  ("divide", errors.sum() / 56, (2, 56.0), ""))
    theirs = traced(("X", errors, (), ""), ("mse_loss", errors.mean(), (0,), ""), ("div", errors.mean() / 4, (1, 4.0), ""))
    said = mean_counts(mine.values[2:], mine, theirs)
    assert "divides the sum by 56 in all, the batch's rows" in said and "divides by 64 in all" in said, said
    alike = traced(("X", errors, (), ""), ("mse_loss", errors.mean(), (0,), ""), ("div", errors.mean() / 3.5, (1, 3.5), ""))
    assert mean_counts(mine.values[2:3], mine, alike) == ""  # the sum alone: its weight agrees
    # a sum over the classes halved and divided by the rows, against a mean over every element halved: y's 5 columns
    squares = RNG.random((64, 5))
    mine = traced(("X", squares, (), ""), ("y", squares, (), ""), ("add.reduce", squares.sum(), (0,), ""),
                  ("multiply", 0.5 * squares.sum(), (2, 0.5), ""), ("divide", 0.5 * squares.sum() / 64, (3, 64.0), ""))
    theirs = traced(("X", squares, (), ""), ("mean", squares.mean(), (0,), ""), ("mul", 0.5 * squares.mean(), (1, 0.5), ""))
    said = mean_counts(mine.values[2:3], mine, theirs)
    assert "divides the sum by 128 in all" in said and "5 times as much" in said and "y's columns" in said, said


def test_two_values_exchanged_between_the_programs_are_read_both_ways():
    from parity.diagnosis.another_source import another_input
    mu, logvar = RNG.normal(size=(5, 2)), RNG.normal(size=(5, 2))
    mine = traced(("X", mu, (), ""), ("add", logvar, (0,), ""), ("multiply", 0.5 * logvar, (0.5, 1), ""),
                  ("square", mu ** 2, (0,), ""))
    theirs = traced(("X", mu, (), ""), ("mul", 0.5 * mu, (0, 0.5), ""), ("pow", logvar ** 2, (0,), ""))
    said = another_input(mine.values[2], mine, theirs, 1e-9, reference=False)
    assert "exchanged" in said, said
    one_way = traced(("X", mu, (), ""), ("mul", 0.5 * mu, (0, 0.5), ""), ("pow", mu ** 2, (0,), ""))
    assert "exchanged" not in another_input(mine.values[2], mine, one_way, 1e-9, reference=False)


def test_a_constant_factor_on_the_output_delta_is_named_by_the_batchs_rows():
    from parity.diagnosis.delta_factor import delta_factor
    g = RNG.normal(size=(32, 3))
    mine = traced(("y", np.ones((32, 3)), (), ""), ("subtract", 32 * g, (0,), ""))  # a delta: made from the targets
    theirs = traced(("X", np.ones((32, 4)), (), ""), ("grad", g, (0,), ""))
    said = delta_factor(mine, theirs, [1], 1e-9, lambda v: "the port's gradient")
    assert "times 32" in said and "batch size" in said, said
    assert delta_factor(mine, traced(("X", np.ones((32, 4)), (), ""), ("grad", g + 1, (0,), "")), [1], 1e-9,
                        lambda v: "the port's gradient") == ""
    forward = traced(("X", np.ones((32, 3)), (), ""), ("subtract", 32 * g, (0,), ""))  # no targets in it: no delta
    assert delta_factor(forward, theirs, [1], 1e-9, lambda v: "the port's gradient") == ""


def test_a_symmetric_products_transposed_term_left_out_is_found():
    from parity.diagnosis.missing_terms import _transposed_term
    dS, Z = RNG.normal(size=(6, 6)), RNG.normal(size=(6, 3))
    trace = traced(("X", dS, (), ""), ("y", Z, (), ""), ("matmul", dS @ Z, (0, 1), ""))
    assert "(dS + dSᵀ)·Z" in _transposed_term(trace.values[2], (dS + dS.T) @ Z / 0.5, trace, 1e-9)
    assert _transposed_term(trace.values[2], 2 * dS @ Z, trace, 1e-9) == ""


def test_a_units_error_assigned_in_a_loop_is_read_as_one_unit_alone():
    from parity.diagnosis.row_stages import _units_weighted
    above, W, phi = RNG.normal(size=(8, 2)), RNG.normal(size=(5, 2)), RNG.random((8, 5))
    last_only = np.outer(above[:, 1], W[:, 1]) * phi
    assert "only output unit 1's term" in _units_weighted(last_only, above, W, phi)
    assert _units_weighted((above @ W.T) * phi, above, W, phi) is None


def test_a_decoupled_decay_after_the_step_is_read_from_the_updates():
    from parity.diagnosis.decay_order import decay_order
    w, u, c = RNG.normal(size=20), RNG.normal(size=20) * 0.05, 0.005
    before_step = w * (1 - c) - u - w  # torch's AdamW: the old weights shrunk
    after_step = (w - u) * (1 - c) - w
    context = SimpleNamespace(numpy_record={"W.update": after_step}, torch_record={"W.update": before_step},
                              numpy_before={"W": w})
    said, side = decay_order(context)
    assert side == "numpy" and "c = 0.005" in said, said
    context.numpy_record = {"W.update": 0.995 * before_step}  # a factor alone
    assert decay_order(context) is None


def test_blocks_of_rows_weighed_geometrically_read_as_an_average_taken_as_it_comes_in():
    from parity.diagnosis.pair_rows import pattern
    said = pattern(np.repeat([1 / 9, 1 / 3, 1.0], 4))
    assert "each block weighs 3 times the one before" in said.lower() and "(total + g) / k" in said, said
    assert "left out" in pattern(np.array([1.0, 1, 0, 0, 1, 1]))


def test_a_prototype_head_is_read_where_the_last_layer_is_never_called():
    from parity.diagnosis.head_forms import unused_last_layer
    z, W, b = RNG.normal(size=(6, 4)), RNG.normal(size=(4, 3)), RNG.normal(size=3)
    h = np.tanh(z)
    distances = -((h[:, :, None] - W[None]) ** 2).sum(axis=1) + b
    said, measured = unused_last_layer(z, "tanh", W, b, distances, 1e-9)
    assert measured and "squared Euclidean distance" in said, said
    assert unused_last_layer(z, "tanh", W, b, h @ W + b, 1e-9) is None


VAE_NUMPY = '''
import numpy as np

class VAE:
    def __init__(self):
        rng = np.random.default_rng(3)
        self.We, self.Wd = rng.normal(0, 0.5, (4, 4)), rng.normal(0, 0.5, (2, 4))
        self.lr = 0.1

    def train_step(self, X, y):
        n = len(X)
        h = X @ self.We
        mu, logvar = h[:, :2], h[:, 2:]
        out = mu @ self.Wd
        recon = np.sum((out - y) ** 2) / n
        kl = -0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar)) / n
        d_out = 2 * (out - y) / n
        d_mu = d_out @ self.Wd.T + mu / n
        d_logvar = 0.5 * (np.exp(logvar) - 1) / n
        gWe = X.T @ np.hstack([d_mu, d_logvar])
        gWd = mu.T @ d_out
        self.We -= self.lr * gWe
        self.Wd -= self.lr * gWd
        return float(recon + kl)
'''

VAE_PORT = '''
import torch
from torch import nn

class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc, self.dec = nn.Linear(4, 4, bias=False), nn.Linear(2, 4, bias=False)

    def forward(self, x):
        h = self.enc(x)
        return self.dec(h[:, :2]), h[:, :2], h[:, 2:]

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    n = X.shape[0]
    out, mu, logvar = model(X)
    recon = ((out - y) ** 2).sum() / n
    kl = {sign}0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / n
    loss = recon + kl
    loss.backward()
    optimizer.step()
    return loss.item()
'''


@pytest.mark.parametrize("sign, exit_code", [("", 1), ("-", 0)])
def test_a_kl_written_without_its_minus_sign_is_found_past_the_sum(tmp_path, sign, exit_code):
    (tmp_path / "vae_numpy.py").write_text(VAE_NUMPY)
    (tmp_path / "vae_torch.py").write_text(VAE_PORT.format(sign=sign))
    rng = np.random.default_rng(0)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(16, 4)), y=rng.normal(size=(16, 4)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/vae_numpy.py:VAE", "--torch", f"{tmp_path}/vae_torch.py:VAE",
                                      "--as-written", "--init", "net = VAE()", "--data", str(tmp_path / "d.npz"),
                                      "--param", "We=enc.weight.T", "--param", "Wd=dec.weight.T", "--steps", "3",
                                      "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert "the NumPy program with -0.5, the port with 0.5" in top["explanation"], top


PORT_TWO_BACKWARDS = '''
import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 6), nn.Linear(6, 2)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    first = F.mse_loss(out[:, :1], y[:, :1])
    {reading}
    loss = F.mse_loss(out, y)
    loss.backward()
    optimizer.step()
    return loss.item()
'''


@pytest.mark.parametrize("reading, exit_code", [("first.backward(retain_graph=True)", 1),
                                                 ("torch.autograd.grad(first, model.fc2.weight, retain_graph=True)", 0)])
def test_a_loss_back_propagated_for_a_reading_before_the_total_is_named(tmp_path, reading, exit_code):
    (tmp_path / "port.py").write_text(PORT_TWO_BACKWARDS.format(reading=reading))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--data", "random:24,4,2",
                                      "--torch-step", "train_step(model, optimizer, X, y)", "--hidden-activation", "sigmoid",
                                      "--output-activation", "linear", "--loss", "mse", "--lr", "0.5", "--steps", "3", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert top["name"] == "gradient-accumulation" and "back-propagates through the logits 2 times" in top["explanation"], top


RUNNING_AVERAGE_NUMPY = '''
import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.W = rng.normal(0, 0.5, (8, 4))
        self.lr = 0.2

    def train_step(self, X, y):
        loss = np.mean((X @ self.W - y) ** 2)
        total = np.zeros_like(self.W)
        for xb, yb in zip(np.array_split(X, 3), np.array_split(y, 3)):
            g = xb.T @ (2 * (xb @ self.W - yb) / yb.size)
            total = {accumulate}
        self.W -= self.lr * total
        return float(loss)
'''

LINEAR_PORT = '''
import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4, bias=False)

    def forward(self, x):
        return self.fc(x)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
'''


@pytest.mark.parametrize("accumulate, exit_code", [("(total + g) / 3", 1), ("total + g / 3", 0)])
def test_micro_batches_averaged_as_they_come_in_are_read_from_each_rows_gradient(tmp_path, accumulate, exit_code):
    (tmp_path / "net.py").write_text(RUNNING_AVERAGE_NUMPY.format(accumulate=accumulate))
    (tmp_path / "port.py").write_text(LINEAR_PORT)
    rng = np.random.default_rng(2)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(12, 8)), y=rng.normal(size=(12, 4)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--data", str(tmp_path / "d.npz"), "--param", "W=fc.weight.T",
                                      "--steps", "2", "--dtype", "float64", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert top["name"] == "dropped-rows" and "3 times the one before" in top["explanation"], top


def test_a_count_fixed_in_the_code_is_said_only_where_the_batch_sums_its_rows():
    from parity.diagnosis.row_batch import fixed_count
    right = RNG.normal(size=(6, 3))
    config = SimpleNamespace(batch_size=None)
    assert fixed_count(right / 10, right, config, reduction=1.0, rows=6) is not None  # each row / 10, the batch their sum
    assert fixed_count(right / 10, right, config, reduction=1 / 6, rows=6) is None  # the batch their mean: a step factor


def test_a_hinges_derivative_left_unmasked_is_read_where_the_delta_departs():
    from parity.diagnosis.bound_derivative import where_bound
    d = np.linspace(0.2, 2.0, 10)
    hinge = np.maximum(0.0, 1.0 - d)
    trace = traced(("X", d, (), ""), ("maximum", hinge, (0.0, 0), ""), ("subtract", d - (1.0 - d), (0,), ""))
    theirs = traced(("grad", d - hinge, (), ""))
    said = where_bound(trace.values[2], theirs.values[0], trace, 1e-9, lambda v: "the port's gradient")
    assert "sits at its bound (0)" in said, said
    elsewhere = traced(("grad", d - (1.0 - d) + np.r_[1.0, 1.0, np.zeros(8)], (), ""))  # apart where the hinge is active
    assert where_bound(trace.values[2], elsewhere.values[0], trace, 1e-9, lambda v: "") == ""
    masked = traced(("X", d, (), ""), ("maximum", hinge, (0.0, 0), ""), ("multiply", d * (hinge > 0), (0, 1), ""))
    relu_out = np.maximum(0.0, 1.0 - d)  # the port's gradient taken at a dropout of its own ReLU's output: not let through
    port = traced(("X", d, (), ""), ("relu", relu_out, (0,), ""), ("div", relu_out / 0.75, (1,), ""), ("grad", d, (2,), ""))
    assert "the port passes the gradient through" in where_bound(masked.values[2], port.values[3], masked, 1e-9, str)
    assert where_bound(masked.values[2], port.values[3], masked, 1e-9, str, port) == ""


def test_micro_batches_back_propagated_again_at_each_later_one_count_down():
    from parity.diagnosis.pair_rows import blocks_lawful, pattern
    counted = np.repeat([4.0, 3.0, 2.0, 1.0], 3)
    assert "count 4, 3, 2, 1 times" in pattern(counted / np.median(counted)) and blocks_lawful(counted)
    assert not blocks_lawful(np.repeat([1.0, 3.0, 2.0], 3))  # blocks, but no law between them


def test_a_penalty_of_norms_not_squared_and_a_late_bound_hook_are_read_from_the_extra_gradient():
    from parity.diagnosis.port_backward import penalty_form
    params = {"W1": RNG.normal(size=(4, 3)), "b1": RNG.normal(size=3), "b2": RNG.normal(size=1)}
    norms = {n: 0.05 * p / np.linalg.norm(p) for n, p in params.items()}
    assert "a norm not squared" in penalty_form(norms, params, 1e-9)
    late = {n: 0.05 * np.broadcast_to(params["b2"], p.shape) for n, p in params.items()}
    assert "b2, broadcast" in penalty_form(late, params, 1e-9)
    assert penalty_form({n: 0.05 * p for n, p in params.items()}, params, 1e-9) == ""  # λθ: an L2 term, read elsewhere


def test_a_ports_sum_where_the_numpy_program_takes_a_logsumexp_is_said():
    import torch
    from parity.diagnosis.called_again import recalled
    joint = torch.tensor(RNG.normal(size=(6, 3)))
    lse = torch.logsumexp(joint, dim=1, keepdim=True).numpy()
    mine = traced(("X", joint.numpy(), (), ""), ("add", lse, (0,), ""))
    theirs = traced(("X", joint.numpy(), (), ""), ("sum", joint.sum(dim=1).numpy(), (0,), "dim=1"))
    said = recalled(theirs.values[1:], {1: (torch.Tensor.sum, (joint, 1), {})}, mine.values[1:], 1e-9)
    assert "replaced by logsumexp" in said, said


def test_a_derivatives_constant_term_left_out_is_read_as_an_offset():
    from parity.diagnosis.delta_factor import _constant_offset
    g = RNG.normal(size=(5, 2))
    mine, theirs = traced(("y", g - 1.0, (), "")), traced(("grad", g, (), ""))
    said = _constant_offset(mine.values[0], theirs.values[0], 1e-9, lambda v: "the port's gradient", mine)
    assert "plus -1 on every entry" in said and "targets shifted" not in said, said
    assert _constant_offset(traced(("y", g * 2, (), "")).values[0], theirs.values[0], 1e-9, lambda v: "", mine) == ""


def test_a_delta_against_centred_targets_names_the_shift():
    from parity.diagnosis.delta_factor import _constant_offset
    out, y = RNG.normal(size=(8, 1)), RNG.normal(size=(8, 1)) + 2.0
    mine = traced(("X", out, (), ""), ("y", y, (), ""), ("mean", y.mean(), (1,), ""), ("subtract", y - y.mean(), (1, 2), ""),
                  ("subtract", out - (y - y.mean()), (0, 3), ""))
    theirs = traced(("grad", out - y, (), ""))
    said = _constant_offset(mine.values[4], theirs.values[0], 1e-9, lambda v: "the port's gradient", mine)
    assert "targets centred" in said and "y - " in said, said
    plain = traced(("X", out, (), ""), ("y", y, (), ""), ("subtract", out - y + 0.5, (0, 1), ""))  # a constant, no target
    assert "targets" not in _constant_offset(plain.values[2], theirs.values[0], 1e-9, lambda v: "", plain)


def _product(x, weight, port_weight):
    """A NumPy product x @ W (W not traced) and a port's linear(x, W') (W' traced, (out, in)), each beside x."""
    from parity.diagnosis.value_trace import Value
    mine = traced(("X", x, (), ""), ("matmul", x @ weight, (0, "?"), ""))
    mine.values[1] = Value(1, "matmul", x @ weight, (0, "?"), "", [], (), {1: weight})
    theirs = traced(("X", x, (), ""), ("mul", port_weight, (), ""), ("linear", x @ port_weight.T, (0, 1), ""))
    return mine, theirs


@pytest.mark.parametrize("change, words", [
    (lambda w: w * np.sqrt(2.0), "√(fan_out / fan_in)"),
    (lambda w: w * np.array([1.0, 2.0, 3.0])[None, :], "one factor per output unit"),
    (lambda w: w * np.array([1.0, 2.0, 3.0, 4.0, 5.0])[:, None] * np.array([1.0, 0.5, 2.0])[None, :], "along the other axis"),
    (lambda w: w + np.outer(np.arange(5.0), [1.0, -1.0, 2.0]), "rank 1"),
])
def test_the_weight_a_layer_is_given_is_read_against_the_ports(change, words):
    from parity.diagnosis.layer_weights import given_weights
    x, weight = RNG.normal(size=(12, 5)), RNG.normal(size=(5, 3))
    if "fan_out" in words:
        x, weight = RNG.normal(size=(12, 3)), RNG.normal(size=(3, 6))
    mine, theirs = _product(x, change(weight), weight.T)
    said = given_weights([mine.values[1]], [theirs.values[2]], mine.values[0], theirs.values[0], mine, theirs, 1e-9)
    assert words in said, said
    same, port = _product(x, weight, weight.T)
    assert given_weights([same.values[1]], [port.values[2]], same.values[0], port.values[0], same, port, 1e-9) == ""


def test_a_mask_given_in_the_other_layout_is_read_as_transposed():
    from parity.diagnosis.layer_weights import given_weights
    rng = np.random.default_rng(467)  # its own draws: the module's generator gives each test what the ones before left
    x, weight = rng.normal(size=(12, 4)), rng.normal(size=(4, 4))
    mask = rng.random((4, 4)) > 0.5
    mine, theirs = _product(x, weight * mask, (weight * mask.T).T)
    said = given_weights([mine.values[1]], [theirs.values[2]], mine.values[0], theirs.values[0], mine, theirs, 1e-9)
    assert "transposed" in said, said


def test_a_weight_rounded_onto_a_grid_on_one_side_is_read_as_quantised_and_a_pruned_one_is_not():
    from parity.diagnosis.layer_weights import given_weights
    x, latent = RNG.normal(size=(12, 6)), RNG.uniform(-0.6, 0.6, size=(6, 4))
    mine, theirs = _product(x, np.round(latent / 0.25) * 0.25, latent.T)
    said = given_weights([mine.values[1]], [theirs.values[2]], mine.values[0], theirs.values[0], mine, theirs, 1e-9)
    assert "the NumPy program's weight is the port's rounded onto a grid of step 0.25" in said, said
    pruned, port = _product(x, latent * (RNG.random((6, 4)) > 0.5), latent.T)
    said = given_weights([pruned.values[1]], [port.values[2]], pruned.values[0], port.values[0], pruned, port, 1e-9)
    assert "grid" not in said and "zero" in said, said


def test_a_delta_with_one_class_subtracted_from_every_column_is_read():
    from parity.diagnosis.column_mixing import mixed_columns
    logits = RNG.normal(size=(20, 3))
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    right = p - np.eye(3)[RNG.integers(0, 3, 20)]
    assert "column 0 subtracted" in mixed_columns(right - right[:, :1], right)
    assert "order [2, 1, 0]" in mixed_columns(right[:, ::-1], right)
    assert mixed_columns(2.0 * right, right) == "" and mixed_columns(right + RNG.normal(size=right.shape), right) == ""


def test_a_penalty_over_other_entries_is_read_entry_by_entry():
    from parity.diagnosis.loss_terms import _some_entries
    theta = RNG.normal(size=6) + 0.1
    starts = [theta * s for s in (1.0, 0.5, -1.0)]
    values = np.concatenate(starts)
    entries = np.tile(np.arange(6), 3)
    mask = np.zeros(6)
    mask[5], mask[0] = 0.4, -0.4  # the NumPy program penalises entry 5, the port entry 0
    said, c = _some_entries(np.concatenate([mask * t for t in starts]), values, entries, 6)
    assert "entry 5 (of 6) penalised by the NumPy program only" in said and "entry 0" in said and c == pytest.approx(0.4)
    assert _some_entries(np.concatenate([0.4 * t ** 3 for t in starts]), values, entries, 6) is None  # no multiple of w


def test_a_constant_term_on_one_side_only_is_read_as_an_offset():
    from parity.diagnosis.one_sided import one_sided_offset
    r = np.abs(RNG.normal(size=(9, 1))) + 0.1
    mine = traced(("X", r, (), ""), ("subtract", r - 0.5, (0, 0.5), ""))
    theirs = traced(("X", r, (), ""), ("mul", r * 1.0, (0, 1.0), ""))
    said = one_sided_offset(mine.values[1:], theirs.values[1:], mine, theirs)
    assert "subtracts 0.5 from" in said, said
    both = traced(("X", r, (), ""), ("sub", r - 0.5, (0, 0.5), ""))
    assert one_sided_offset(mine.values[1:], both.values[1:], mine, both) == ""


def test_a_difference_taken_the_other_way_round_is_read_on_the_negated_value():
    from parity.diagnosis.negated_input import negated_input
    d = RNG.normal(size=12)
    mine = traced(("X", d, (), ""), ("logaddexp", np.logaddexp(0, d), (0.0, 0), ""))
    theirs = traced(("X", d, (), ""), ("log_sigmoid", -np.logaddexp(0, -d), (0,), ""))
    assert "opposite signs" in negated_input(mine.values[1:], mine.values[0], mine, theirs, 1e-9)
    same = traced(("X", d, (), ""), ("softplus", np.logaddexp(0, d), (0,), ""))
    assert negated_input(mine.values[1:], mine.values[0], mine, same, 1e-9) == ""


def test_two_exps_whose_exponents_are_twice_apart_are_read_by_their_exponent():
    from parity.diagnosis.value_laws import _exponents
    s = RNG.normal(size=(6, 2))
    assert "exp(2·v) against exp(v)" in _exponents(np.exp(s), np.exp(2 * s))
    assert _exponents(np.exp(s), np.exp(s + 1)) == ""  # an offset in the exponent is a factor, not k·v


def test_branches_run_apart_agree_with_the_numpy_programs_stack_of_them_and_a_batchs_rows_do_not():
    from parity.diagnosis.agreements import agreements
    a, b = RNG.normal(size=(5, 3)), RNG.normal(size=(5, 3))
    mine = traced(("X", np.ones((5, 2)), (), ""), ("concatenate", np.vstack([a, b]), (0,), ""),
                  ("getitem", np.vstack([a, b]), (0,), "idx"))
    theirs = traced(("X", np.ones((5, 2)), (), ""), ("linear", a, (0,), ""), ("linear", b, (0,), ""))
    assert set(agreements(mine, theirs, 1e-9)) == {0, 1}  # the rows of the data taken as a batch are not stacked


def test_a_precedence_slip_is_read_as_the_other_op_up_to_a_half():
    from parity.diagnosis.written_ops import substituted
    r2, v = RNG.random((6, 1)) + 0.1, RNG.random((6, 1)) + 0.5
    mine = traced(("X", r2, (), ""), ("y", v, (), ""), ("divide", r2 / v, (0, 1), ""))
    theirs = traced(("X", r2, (), ""), ("mul", r2 / 2 * v, (0, "?"), ""))
    assert "a * b times 0.5" in substituted(mine.values[2], mine, theirs, 1e-9)
    assert substituted(mine.values[2], mine, traced(("mul", r2 / 3 * v, (), "")), 1e-9) == ""


def test_a_later_layers_output_read_where_an_earlier_ones_belongs_is_said():
    from parity.diagnosis.another_source import _later
    h1 = RNG.normal(size=(4, 3))
    trace = traced(("X", h1, (), ""), ("tanh", np.tanh(h1), (0,), ""), ("tanh", np.tanh(np.tanh(h1)), (1,), ""),
                   ("sin", np.sin(np.tanh(np.tanh(h1))), (2,), ""))
    assert "a later layer's" in _later(trace, trace.values[1], trace.values[3])
    assert _later(trace, trace.values[3], trace.values[1]) == ""
    step = traced(("X", h1, (), ""), ("tanh", np.tanh(h1), (0,), ""), ("matmul", np.tanh(h1) * 2, (1,), ""),
                  ("tanh", np.tanh(np.tanh(h1) * 2), (2,), ""))  # h_t = tanh(h_t-1 W): the same op a step on
    assert "a recurrence's next time step" in _later(step, step.values[1], step.values[3])


def test_targets_taken_from_other_columns_are_read_column_by_column():
    from parity.diagnosis.target_readings import _columns_taken
    X, y = RNG.normal(size=(10, 4)), RNG.normal(size=(10, 3))
    lagged = np.concatenate([X[:, -1:], y[:, :-1]], axis=1)
    said = _columns_taken(lagged, y, X, 1e-9)[0]
    assert "0 toward X[:, -1]" in said and "shifted one on" in said, said
    assert _columns_taken(y, y, X, 1e-9) is None and _columns_taken(y + 0.3, y, X, 1e-9) is None


def test_a_ufunc_with_a_traced_where_mask_is_traced_without_recursing():
    from parity.diagnosis.value_trace import _TRACE, Trace, TracedArray
    trace = Trace()
    a = RNG.normal(size=5).view(TracedArray)
    trace.root("X", a, np.asarray(a, np.float64))
    _TRACE.append(trace)
    try:
        mask = a > 0
        out = np.divide(1.0, a, out=np.zeros(5), where=mask)
    finally:
        _TRACE.pop()
    assert np.allclose(out, np.where(np.asarray(mask), 1.0 / np.asarray(a), 0.0))


def test_a_multiple_of_no_meaning_says_where_not_how():
    from parity.diagnosis.value_laws import related
    x = RNG.normal(size=(10, 3))
    mine = traced(("X", x, (), ""), ("matmul", x, (0,), ""))
    said, fit = related(mine.values[1:], traced(("matmul", 4.64202 * x, (), "")).values, 1e-9)
    assert "4.64202 times" in said and fit == 0.6
    said, fit = related(mine.values[1:], traced(("matmul", 2.0 * x, (), "")).values, 1e-9)
    assert "2 (= 2) times" in said and fit == 0.8


def test_a_clip_bound_is_not_read_where_the_entries_that_stay_have_no_gradient():
    from parity.diagnosis.clip_elements import _bound
    g = RNG.normal(size=(4, 4))
    g[:, :2] = 0.0  # a coupling's mask: half the entries get no gradient at all
    assert _bound(g, g != 0) == ""
    g = RNG.normal(size=(4, 4))
    assert "|g| > c" in _bound(g, np.abs(g) > 1.0)


def test_a_sign_subtracted_from_a_margin_at_once_is_taken_back_and_a_bare_negation_is_not():
    from parity.diagnosis.value_laws import sign_taken_back
    d = RNG.normal(size=6)
    trace = traced(("X", d, (), ""), ("subtract", 1.0 - d, (1.0, 0), ""), ("negative", -d, (0,), ""))
    assert sign_taken_back(trace.values[0], dict(enumerate(trace.values[:2])))
    assert not sign_taken_back(trace.values[0], {2: trace.values[2]})


ADAM_NUMPY = '''
import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.W = rng.normal(0, 0.5, (8, 4))
        self.m, self.v, self.t = np.zeros_like(self.W), np.zeros_like(self.W), 0

    def train_step(self, X, y):
        loss = np.mean((X @ self.W - y) ** 2)
        g = X.T @ (2 * (X @ self.W - y) / y.size)
        self.t += 1
        self.m = 0.9 * self.m + 0.1 * g
        self.v = 0.999 * self.v + 0.001 * g * g
        m_hat, v_hat = self.m / (1 - 0.9 ** self.t), self.v / (1 - 0.999 ** self.t)
        self.W -= 0.01 * m_hat / {denominator}
        return float(loss)
'''


@pytest.mark.parametrize("denominator, exit_code", [("(np.sqrt(v_hat) + 1e-8)", 0), ("np.sqrt(v_hat + 1e-8)", 1)])
def test_a_hand_written_adam_is_read_against_the_ports_torch_adam(tmp_path, denominator, exit_code):
    (tmp_path / "net.py").write_text(ADAM_NUMPY.format(denominator=denominator))
    (tmp_path / "port.py").write_text(LINEAR_PORT.replace("torch.optim.SGD(model.parameters(), lr=0.2)",
                                                          "torch.optim.Adam(model.parameters(), lr=0.01)"))
    rng = np.random.default_rng(2)
    # rows that barely move the loss: gradients near 1e-4, whose squares ε inside the root shows against
    np.savez(tmp_path / "d.npz", X=1e-3 * rng.normal(size=(12, 8)), y=rng.normal(size=(12, 4)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--data", str(tmp_path / "d.npz"), "--param", "W=fc.weight.T",
                                      "--steps", "3", "--dtype", "float64", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert top["name"] == "optimizer-variant" and "ε inside the square root" in top["explanation"], top
        assert top["evidence"]["side"] == "numpy"


def test_a_loss_called_again_leaves_out_each_class_the_targets_hold_the_commonest_first():
    import torch
    import torch.nn.functional as F
    from parity.diagnosis.called_again import _alternatives
    logits = torch.tensor(RNG.normal(size=(10, 5)))
    target = torch.tensor([0, 0, 0, 0, 3, 1, 2, 0, 4, 0])  # token 0 pads the sequences
    arguments = {"input": logits, "target": target, "weight": None, "ignore_index": -100, "reduction": "mean",
                 "label_smoothing": 0.0}
    tried = dict(_alternatives(F.cross_entropy, arguments, 10))
    real = target != 0
    assert abs(tried["ignore_index=0"] - float(F.cross_entropy(logits[real], target[real]))) < 1e-12
    assert not any(k.startswith("ignore_index") for k in dict(_alternatives(F.cross_entropy, {**arguments, "target":
                                                                             torch.zeros(10, 5, dtype=torch.float64)}, 10)))


def test_one_number_called_again_meets_the_numpy_programs_only_to_float32s_rounding_not_to_the_traces_tolerance():
    from parity.diagnosis.calls import numpy_twin
    loss = SimpleNamespace(array=np.array(1.6195434))
    assert numpy_twin([loss], np.array(1.6195434 * (1 + 1e-7)), 1e-4) is loss  # the same loss, rounded otherwise
    assert numpy_twin([loss], np.array(1.6195434 * (1 + 8.6e-6)), 1e-4) is None  # another argument's loss, by chance near
    rows = SimpleNamespace(array=np.array([0.5, 1.25, 2.0]))
    assert numpy_twin([rows], rows.array * (1 + 8.6e-6), 1e-4) is rows  # several numbers at once: the trace's tolerance


SCHEDULED_NUMPY = '''
import numpy as np

LR = 0.2

class Net:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.W, self.b = rng.normal(0, 0.5, (8, 4)), np.zeros(4)
        self.v = {"W": np.zeros_like(self.W), "b": np.zeros_like(self.b)}
        self.t = 0

    def train_step(self, X, y):
        delta = 2 * (X @ self.W + self.b - y) / y.size
        loss = np.mean((X @ self.W + self.b - y) ** 2)
        for name, g in (("W", X.T @ delta), ("b", delta.sum(axis=0))):
            self.v[name] = 0.9 * self.v[name] + g
            setattr(self, name, getattr(self, name) - LR * (0.5 if self.t >= 2 else 1.0) * self.v[name])
        self.t += 1
        return float(loss)
'''

SCHEDULED_PORT = LINEAR_PORT.replace('''def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)

def train_step(model, optimizer, X, y):''', '''def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
    return optimizer, torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[2]{gamma})

def train_step(model, optimizer, X, y, scheduler=None):''').replace("    optimizer.step()\n", "    optimizer.step()\n    scheduler.step()\n").replace(
    "nn.Linear(8, 4, bias=False)", "nn.Linear(8, 4)")


@pytest.mark.parametrize("gamma, exit_code", [(", gamma=0.5", 0), ("", 1)])
def test_a_factor_on_every_update_is_read_with_the_ports_learning_rate_as_it_stands_at_that_step(tmp_path, gamma, exit_code):
    (tmp_path / "net.py").write_text(SCHEDULED_NUMPY)
    (tmp_path / "port.py").write_text(SCHEDULED_PORT.format(gamma=gamma))
    rng = np.random.default_rng(2)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(12, 8)), y=rng.normal(size=(12, 4)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--torch-init", "model = Net(); optimizer, scheduler = make_optimizer(model)",
                                      "--torch-step", "train_step(model, optimizer, X, y, scheduler)", "--data", str(tmp_path / "d.npz"),
                                      "--param", "W=fc.weight.T", "--param", "b=fc.bias", "--state", "momentum_buffer=net.v", "--steps", "4",
                                      "--dtype", "float64", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert top["name"] == "update-scale" and "lr = 0.02 at step 3" in top["explanation"], top
        assert "MultiStepLR has scaled it (milestones" not in top["explanation"] and "gamma=0.1" in top["explanation"], top


def test_a_numpy_rate_cut_every_milestone_steps_is_read_against_the_ports_single_milestone(tmp_path):
    (tmp_path / "net.py").write_text(SCHEDULED_NUMPY.replace("(0.5 if self.t >= 2 else 1.0)", "0.5 ** (self.t // 6)"))
    (tmp_path / "port.py").write_text(SCHEDULED_PORT.format(gamma=", gamma=0.5").replace("milestones=[2]", "milestones=[6]"))
    rng = np.random.default_rng(2)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(12, 8)), y=rng.normal(size=(12, 4)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--torch-init", "model = Net(); optimizer, scheduler = make_optimizer(model)",
                                      "--torch-step", "train_step(model, optimizer, X, y, scheduler)", "--data", str(tmp_path / "d.npz"),
                                      "--param", "W=fc.weight.T", "--param", "b=fc.bias", "--state", "momentum_buffer=net.v", "--steps", "14",
                                      "--dtype", "float64", "--json", str(path)])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "learning-rate-schedule" and "agree up to step 12" in top["explanation"], top
    assert "a cut every 6 steps (StepLR(step_size=6))" in top["explanation"], top


def test_a_loss_given_an_input_of_another_shape_is_called_again_with_the_targets_shape():
    import warnings
    import torch
    import torch.nn.functional as F
    from parity.diagnosis.called_again import loss_call_finding
    from parity.diagnosis.port_values import LossCall
    pred, y = torch.tensor(RNG.normal(size=10)), torch.tensor(RNG.normal(size=(10, 1)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch warns of the broadcast: the slip itself
        port = float(F.mse_loss(pred, y))
    numpy_loss = float(np.mean((pred.numpy()[:, None] - y.numpy()) ** 2))
    found = loss_call_finding([LossCall(F.mse_loss, (pred, y), {}, port)], numpy_loss, 10, 1e-9, 1)
    assert found is not None and "broadcasts to (10, 10)" in found.explanation, found
    assert loss_call_finding([LossCall(F.mse_loss, (pred, y[:, 0]), {}, numpy_loss)], numpy_loss, 10, 1e-9, 1) is None


LEAKY_NUMPY = '''
import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.W = rng.normal(0, 0.5, (8, 4))

    def train_step(self, X, y):
        z = X @ self.W
        out = np.where(z > 0, z, 0.01 * z)
        loss = np.mean((out - y) ** 2)
        g = X.T @ (2 * (out - y) / y.size * np.where(z > 0, 1.0, 0.01))
        self.W -= 0.2 * g
        return float(loss)
'''


@pytest.mark.parametrize("slope, exit_code", [("", 0), ("negative_slope=0.2", 1)])
def test_a_modules_argument_set_back_to_its_default_is_measured_on_the_loss(tmp_path, slope, exit_code):
    (tmp_path / "net.py").write_text(LEAKY_NUMPY)
    (tmp_path / "port.py").write_text(LINEAR_PORT.replace("        self.fc = nn.Linear(8, 4, bias=False)\n",
                                                          f"        self.fc = nn.Linear(8, 4, bias=False)\n        self.act = nn.LeakyReLU({slope})\n")
                                      .replace("return self.fc(x)", "return self.act(self.fc(x))"))
    rng = np.random.default_rng(2)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(12, 8)), y=rng.normal(size=(12, 4)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--data", str(tmp_path / "d.npz"), "--param", "W=fc.weight.T",
                                      "--steps", "2", "--dtype", "float64", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert "negative_slope=0.01" in top["explanation"], top  # called again, or the module built again


def test_a_ports_modules_are_built_again_one_argument_at_a_time():
    from torch import nn
    from parity.diagnosis.modules_again import _changes
    model = nn.Sequential(nn.Embedding(10, 4, max_norm=0.1), nn.LayerNorm(4, eps=1e-3, elementwise_affine=False), nn.LeakyReLU(0.2))
    changes = {(path, flag): (value, other) for path, _, flag, value, other in _changes(model)}
    assert changes[("0", "max_norm")] == (0.1, None)  # an option given, left out
    assert changes[("1", "eps")] == (1e-3, 1e-5)  # a number back at its default
    assert changes[("1", "elementwise_affine")] == (False, True)  # a flag flipped
    assert changes[("2", "negative_slope")] == (0.2, 0.01)
    assert ("0", "num_embeddings") not in changes  # a size: no default to go back to


def test_a_loss_whose_rows_are_stacked_over_the_other_axis_is_called_again_regrouped():
    import torch
    import torch.nn.functional as F
    from parity.diagnosis.called_again import loss_call_finding
    from parity.diagnosis.port_values import LossCall
    logits = torch.tensor(RNG.normal(size=(4, 3, 5)))  # (n, T, V) as the NumPy program holds them
    y = torch.tensor(RNG.integers(0, 5, size=(4, 3)))
    numpy_loss = float(F.cross_entropy(logits.reshape(-1, 5), y.reshape(-1)))
    stacked = logits.transpose(0, 1).reshape(-1, 5)  # torch.stack(outs) over time, flattened
    port = float(F.cross_entropy(stacked, y.reshape(-1)))
    found = loss_call_finding([LossCall(F.cross_entropy, (stacked, y.reshape(-1)), {}, port)], numpy_loss, 4, 1e-9, 1)
    assert found is not None and "rows regrouped from (3, 4) to (4, 3)" in found.explanation, found


WARMUP_NUMPY = SCHEDULED_NUMPY.replace("LR * (0.5 if self.t >= 2 else 1.0)", "LR * min(1.0, (self.t + 1) / 3)")
WARMUP_PORT = SCHEDULED_PORT.replace("torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[2]{gamma})",
                                     "torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: min(1.0, (t + 1) / 3))")


CHAINED_PORT = SCHEDULED_PORT.replace("torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[2]{gamma})", (
    "torch.optim.lr_scheduler.SequentialLR(optimizer, [torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: (t + 1) / 3), "
    "torch.optim.lr_scheduler.ConstantLR(optimizer, factor=1.0, total_iters=0)], milestones=[2])"))


@pytest.mark.parametrize("port, nesterov, exit_code", [(WARMUP_PORT, "", 0), (WARMUP_PORT, ", nesterov=True", 1),
                                                       (CHAINED_PORT, "", 0), (CHAINED_PORT, ", nesterov=True", 1)])
def test_an_optimizer_built_again_keeps_the_ports_schedule_stepping_it(tmp_path, port, nesterov, exit_code):
    """Its schedule, and each one a SequentialLR chains, step the optimizer built again."""
    (tmp_path / "net.py").write_text(WARMUP_NUMPY)
    (tmp_path / "port.py").write_text(port.replace("momentum=0.9)", f"momentum=0.9{nesterov})"))
    rng = np.random.default_rng(2)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(12, 8)), y=rng.normal(size=(12, 4)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--torch-init", "model = Net(); optimizer, scheduler = make_optimizer(model)",
                                      "--torch-step", "train_step(model, optimizer, X, y, scheduler)", "--data", str(tmp_path / "d.npz"),
                                      "--param", "W=fc.weight.T", "--param", "b=fc.bias", "--steps", "4",
                                      "--dtype", "float64", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert top["name"] == "optimizer-settings" and "nesterov=False" in top["explanation"], top


TIED_NUMPY = '''
import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(1).normal(0, 0.5, (4, 8))

    def train_step(self, X, y):
        h = np.tanh(X @ self.W.T)
        out = h @ self.W
        loss = np.mean((out - y) ** 2)
        d_out = 2 * (out - y) / y.size
        d_h = d_out @ self.W.T * (1 - h ** 2)
        self.W -= 0.2 * (h.T @ d_out + d_h.T @ X)
        return float(loss)
'''

TIED_PORT = LINEAR_PORT.replace("nn.Linear(8, 4, bias=False)", "nn.Linear(8, 4, bias=False)").replace(
    "return self.fc(x)", "return torch.tanh(self.fc(x)) @ self.fc.weight{detach}")


@pytest.mark.parametrize("detach, exit_code", [("", 0), (".detach()", 1)])
def test_a_parameter_the_port_detaches_in_its_forward_pass_is_named(tmp_path, detach, exit_code):
    (tmp_path / "net.py").write_text(TIED_NUMPY)
    (tmp_path / "port.py").write_text(TIED_PORT.replace("{detach}", detach))
    rng = np.random.default_rng(2)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(12, 8)), y=rng.normal(size=(12, 8)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--data", str(tmp_path / "d.npz"), "--param", "W=fc.weight",
                                      "--steps", "2", "--dtype", "float64", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert "detaches its parameter fc.weight" in top["explanation"], top


def test_a_call_that_reads_another_of_the_ports_parameters_of_its_shape_is_said_without_a_side():
    import torch
    from torch.nn import functional as F

    from parity.diagnosis.tables import other_parameter
    from parity.diagnosis.value_trace import Trace
    centre, context = torch.randn(9, 4, dtype=torch.float64), torch.randn(9, 4, dtype=torch.float64)
    idx = torch.tensor([[1, 5], [2, 8], [0, 3]])
    port = Trace()
    port._add("getitem", idx.double().numpy(), (), "")
    port.of[id(idx)] = 0
    port.kept.append(idx)
    port._add("embedding", F.embedding(idx, centre).numpy(), (0,), "")
    port.called[1] = (F.embedding, (idx, centre.clone()), {})
    port._add("linear", (F.embedding(idx, context) @ torch.ones(4, 2, dtype=torch.float64)).numpy(), (), "")
    port.called[2] = (F.linear, (torch.ones(3, 4, dtype=torch.float64), context.clone()), {})  # context read elsewhere
    mine = traced(("X", idx.double().numpy(), (), ""), ("getitem", context.numpy()[idx.numpy()], (0,), "idx"))
    said = other_parameter(port.values[0], port, mine, 1e-9)
    assert "reads a parameter of shape (9, 4)" in said and "[getitem (3, 2, 4)]" in said and "which side" in said, said
    same = traced(("X", idx.double().numpy(), (), ""), ("getitem", centre.numpy()[idx.numpy()] + 1.0, (0,), "idx"))
    assert other_parameter(port.values[0], port, same, 1e-9) == ""  # no parameter of the port's gives it
    both = traced(("X", idx.double().numpy(), (), ""), ("getitem", centre.numpy()[idx.numpy()], (0,), "idx"),
                  ("getitem", context.numpy()[idx.numpy()], (0,), "idx"))  # the NumPy program has the port's lookup too
    assert other_parameter(port.values[0], port, both, 1e-9) == ""  # that lookup agrees: its weight is read alike
    port._add("embedding", F.embedding(idx, context).numpy(), (0,), "")  # the port reads the other table elsewhere too
    assert other_parameter(port.values[0], port, mine, 1e-9) == ""  # a value both have: no weight read otherwise



def test_a_square_weights_layout_is_chosen_by_the_first_loss_where_a_backward_slip_parts_the_updates_under_both():
    from parity.programs.written.pairing import Pair
    from parity.programs.written.setup import choose_square_layouts

    class Side:
        def __init__(self, numpy: bool, transposed: bool):
            self.numpy, self.transposed = numpy, transposed

        def read(self, pair):
            return np.eye(3)

        def step(self, rows):  # the right layout (.T): the loss agrees, the update 3 times the port's (a backward slip)
            if not self.numpy:
                return {"loss": np.array(1.0), "W.update": np.array([1.0, 1.0])}
            return ({"loss": np.array(1.0), "W.update": np.array([3.0, 3.0])} if self.transposed else
                    {"loss": np.array(1.3), "W.update": np.array([2.0, 2.0])})

    built = SimpleNamespace(pairs=[Pair("W", "W", "fc.weight")])
    built.make_sides = lambda: (Side(True, built.pairs[0].layout.axes == (1, 0)), Side(False, False))
    assert choose_square_layouts(built, slice(0, 4), ()) == ["W = fc.weight.T"]



SIGNED_LABELS_NUMPY = '''
import numpy as np

class Features:
    def __init__(self):
        self.R = np.random.default_rng(0).normal(size=(3, 6))  # frozen features, drawn here
        self.params = {"w": np.random.default_rng(1).normal(size=(6, 1))}

    def train_step(self, X, y):
        F = np.cos(X @ self.R)
        z = F @ self.params["w"]
        t = 2 * y - 1  # labels as -1 / +1
        loss = np.mean(np.logaddexp(0, -t * z))
        dz = -t / (1 + np.exp(t * z)) / len(z)
        self.params["w"] -= 0.5 * F.T @ dz
        return loss
'''

SIGNED_LABELS_PORT = '''
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

class Features(nn.Module):
    def __init__(self):
        super().__init__()
        R = np.random.{draw}(size=(3, 6))
        self.register_buffer("R", torch.tensor(R, dtype=torch.float32))
        self.w = nn.Parameter(torch.zeros(6, 1))

    def forward(self, X):
        return torch.cos(X @ self.R) @ self.w

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
'''


@pytest.mark.parametrize("draw, exit_code", [("default_rng(0).normal", 0), ("RandomState(0).normal", 1)])
def test_targets_written_as_signed_labels_are_no_cause_where_the_programs_part_before_the_output(tmp_path, draw, exit_code):
    (tmp_path / "f_numpy.py").write_text(SIGNED_LABELS_NUMPY)
    (tmp_path / "f_torch.py").write_text(SIGNED_LABELS_PORT.replace("{draw}", draw))
    rng = np.random.default_rng(3)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(16, 3)), y=(rng.random((16, 1)) > 0.5).astype(float))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/f_numpy.py:Features", "--torch", f"{tmp_path}/f_torch.py:Features",
                                      "--as-written", "--init", "net = Features()", "--data", str(tmp_path / "d.npz"),
                                      "--param", "params['w']=w", "--steps", "3", "--dtype", "float32", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert "targets are" not in top["explanation"] and "agree up to X" in top["explanation"], top


def test_a_loss_divided_by_the_batchs_rows_times_its_classes_is_said_with_every_meaning_of_that_count():
    from parity.diagnosis.loss_terms import _count_ratio, _Losses
    losses = object.__new__(_Losses)  # the counts of a batch of 20 rows, 3 classes, from a data set of 60 rows
    losses.rows, losses.rows_total, losses.classes, losses.shapes = 20, 60, 3, {"X": (60, 5), "y": (60,)}
    found = _count_ratio(1 / 3, losses.counts(), {"batches": 3})
    assert found is not None and "by 60 (the batch's rows times its 3 classes" in found.explanation, found
    assert "or the dataset's rows) where the port divides by 20" in found.explanation, found


def test_a_softmax_cross_entropy_where_a_sigmoid_per_tag_belongs_is_called_again_as_the_other_loss():
    import torch
    import torch.nn.functional as F
    from parity.diagnosis.called_again import loss_call_finding
    from parity.diagnosis.port_values import LossCall
    logits = torch.tensor(RNG.normal(size=(12, 5)))
    tags = torch.tensor((RNG.uniform(size=(12, 5)) < 0.4).astype(float))
    call = LossCall(F.cross_entropy, (logits, tags), {}, float(F.cross_entropy(logits, tags)))
    meant = float(F.binary_cross_entropy_with_logits(logits, tags))
    found = loss_call_finding([call], meant, 12, 1e-9, 1)
    assert found is not None and "F.binary_cross_entropy_with_logits in its place" in found.explanation, found
    assert loss_call_finding([call], meant * 1.1, 12, 1e-9, 1) is None  # no other loss gives a number off both
