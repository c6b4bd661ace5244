"""Two programs as written, any architecture (parity.programs.written): the examples pass; planted bugs fail at
the right stage and parameter, named; bad input is one line."""

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.programs.written.pairing import Layout, pair_parameters
from tests.helpers import assert_one_line_error

PROGRAMS = Path(__file__).resolve().parent.parent / "examples" / "programs"
EXAMPLES = {"ngram": "NgramLM", "convnet": "ConvNet", "rnn": "ElmanRNN", "batchnorm": "BatchNormNet"}


def check(directory: Path, name: str, *args: str, numpy_file: str | None = None):
    cls = EXAMPLES[name]
    return CliRunner().invoke(cli, ["check", f"{directory}/{numpy_file or name + '_numpy.py'}:{cls}",
                                    "--torch", f"{directory}/{name}_torch.py:{cls}", "--data", f"{directory}/{name}.npz",
                                    "--as-written", *args])


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_example_passes_as_written(name, dtype, tmp_path):
    """In float32 the program is built in it (its own dtype argument): the run follows the program's dtype."""
    path = tmp_path / "r.json"
    init = ("--init", f"net = {EXAMPLES[name]}(dtype=np.float32)") if dtype == "float32" else ()
    result = check(PROGRAMS, name, "--steps", "6", "--json", str(path), *init)
    assert result.exit_code == 0, result.output
    assert "PASS" in result.stdout and "pairs: " in result.stdout
    document = json.loads(path.read_text())
    assert document["network"]["mode"] == "as-written" and document["config"]["dtype"] == dtype
    compared = document["tensors"]
    assert "loss" in compared and any(n.endswith(".grad") for n in compared) and any(n.endswith(".update") for n in compared)
    state = {"ngram": "C.exp_avg_sq", "convnet": "K.momentum_buffer"}.get(name)
    assert state is None or state in compared  # the optimizer's state, paired by name where the program keeps it


def planted(tmp_path: Path, file: str, old: str, new: str) -> Path:
    for source in PROGRAMS.iterdir():
        shutil.copy(source, tmp_path / source.name)
    text = (tmp_path / file).read_text()
    assert old in text, old
    (tmp_path / file).write_text(text.replace(old, new, 1))
    return tmp_path


BUGS = [
    # (example, file, old, new, extra args, first failing step, tensor, finding)
    ("ngram", "ngram_numpy.py", "dpre = dh * (1 - h ** 2)", "dpre = dh * (1 - h)", (), 1, "b1.grad", "numpy-backward"),
    ("convnet", "convnet_numpy.py", 'conv = cols @ p["K"].reshape(-1, cout)',
     'conv = cols @ p["K"].transpose(1, 0, 2, 3).reshape(-1, cout)', (), 1, "loss", "forward"),
    ("rnn", "rnn_torch.py", "    optimizer.zero_grad()\n", "    pass\n", (), 2, "by.grad", "gradient-accumulation"),
    ("ngram", "ngram_numpy.py", "            p *= 1 - lr * self.weight_decay          # decoupled weight decay\n", "",
     (), 1, "C.update", None),
    ("ngram", "ngram_numpy.py", "(1 - self.beta2) * g * g", "(1 - self.beta2) * np.abs(g)", (), 1, "b2.exp_avg_sq",
     "optimizer-state"),
    ("batchnorm", "batchnorm_numpy.py", "            p -= self.lr * self.grads[k]\n",
     "            p -= self.lr * self.grads[k]\n        self.params['b2'] = self.params['b2'] + np.zeros(self.params['b2'].shape)\n",
     ("--dtype", "float32"), 1, None, "dtype-leak"),
]


@pytest.mark.parametrize("example, file, old, new, extra, step, tensor, finding", BUGS,
                         ids=["wrong-derivative", "transposed-kernel", "missing-zero-grad", "decay-left-out", "adam-square",
                              "float64-leak"])
def test_a_planted_bug_fails_at_its_stage_and_parameter(example, file, old, new, extra, step, tensor, finding, tmp_path):
    directory = planted(tmp_path, file, old, new)
    path = tmp_path / "r.json"
    result = check(directory, example, "--steps", "4", "--json", str(path), *extra)
    assert result.exit_code == 1, result.output
    document = json.loads(path.read_text())
    failure = document["first_failure"]
    assert failure["step"] == step
    if tensor:
        assert failure["tensor"] == tensor
    top = document["diagnosis"][0]
    assert top["name"] != "rounding-noise"
    if finding:
        assert top["name"] == finding, top
    parameter = failure["tensor"].split(".")[0]
    assert parameter in top["explanation"] or parameter == "loss"


@pytest.mark.parametrize("old, new, words, measured", [
    ("    model.train()\n", "    model.eval()\n", "eval mode", True),  # batch_norm called again with training=True
    ("    model.train()\n", "    model.train()\n    X = (X - X.mean(0)) / X.std(0)\n", "Bessel's correction", False),
], ids=["eval-mode", "unbiased-std"])
def test_a_ports_quiet_idiom_is_named_where_the_forward_pass_parts(old, new, words, measured, tmp_path):
    directory = planted(tmp_path, "batchnorm_torch.py", old, new)  # a candidate seen, said below a measured cause
    path = tmp_path / "r.json"
    result = check(directory, "batchnorm", "--steps", "3", "--json", str(path))
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert words in top["explanation"] and (top["score"] >= 0.8) == measured, top


def test_a_velocity_re_created_every_step_is_named_from_the_ports_gradient(tmp_path):
    directory = planted(tmp_path, "convnet_numpy.py", "            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]",
                        "            self.velocity[k] = self.grads[k]")
    path = tmp_path / "r.json"
    result = check(directory, "convnet", "--steps", "4", "--json", str(path))
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "update-law" and "the gradient alone" in top["explanation"] and "NumPy" in top["explanation"], top
    assert "momentum" in top["explanation"]


def test_a_learning_rate_factor_that_holds_over_the_steps_is_named(tmp_path):
    directory = planted(tmp_path, "convnet_torch.py", "lr=lr, momentum", "lr=lr / 4, momentum")
    path = tmp_path / "r.json"
    result = check(directory, "convnet", "--steps", "4", "--json", str(path))
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "update-scale" and "4 times the port's" in top["explanation"] and "lr = 0.0125" in top["explanation"], top


def test_square_weights_take_the_layout_under_which_the_first_step_agrees():
    result = CliRunner().invoke(cli, ["check", f"{PROGRAMS}/rnn_numpy.py:ElmanRNN", "--torch", f"{PROGRAMS}/rnn_torch.py:ElmanRNN",
                                      "--data", f"{PROGRAMS}/rnn.npz", "--steps", "2"])
    assert result.exit_code == 0, result.output
    assert "params['Whh'] = h2h.weight.T" in result.stdout and "square weights" in result.stdout


def test_the_family_path_falls_back_to_as_written_for_what_it_cannot_express():
    result = CliRunner().invoke(cli, ["check", f"{PROGRAMS}/convnet_numpy.py:ConvNet", "--torch",
                                      f"{PROGRAMS}/convnet_torch.py:ConvNet", "--data", f"{PROGRAMS}/convnet.npz", "--steps", "2"])
    assert result.exit_code == 0, result.output
    assert "checking both programs as written" in result.stderr
    assert "params['K'] = conv.weight.permute(2,3,1,0)" in result.stdout


class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"W": rng.standard_normal((3, 4)), "b": np.zeros(4), "gamma": np.ones(4)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}  # Adam's moments: never parameters
        self.velocity = np.zeros((4, 3))


def test_pairing_by_shape_leaves_optimizer_state_alone_and_names_what_it_cannot_pair():
    shapes = {"fc.weight": (4, 3), "fc.bias": (4,), "norm.weight": (4,)}
    pairs = pair_parameters(Net(), shapes, ())
    assert [(p.numpy, p.torch, p.layout) for p in pairs] == [
        ("params['W']", "fc.weight", Layout((1, 0))), ("params['b']", "fc.bias", Layout()), ("params['gamma']", "norm.weight", Layout())]
    with pytest.raises(Exception, match="extra.weight"):
        pair_parameters(Net(), {**shapes, "extra.weight": (7, 7)}, ())
    given = pair_parameters(Net(), shapes, ("params['gamma']=fc.bias", "params['b']=norm.weight"))
    assert {p.torch: p.numpy for p in given}["fc.bias"] == "params['gamma']"


def test_a_layout_permutes_and_inverts():
    K = np.arange(36.0).reshape(3, 3, 1, 4)  # (kh, kw, cin, cout)
    layout = Layout.parse(".permute(2,3,1,0)")
    torch_kernel = layout.to_torch(K)
    assert torch_kernel.shape == (4, 1, 3, 3)
    assert np.array_equal(layout.to_numpy(torch_kernel), K)


@pytest.mark.filterwarnings("ignore::UserWarning")  # torch warns of the broadcast target the bad step makes
@pytest.mark.parametrize("args, words", [
    (("--param", "params['C']=emb.weight.T"), ["emb.weight", "layout"]),
    (("--param", "params['C']=nope.weight"), ["no parameter 'nope.weight'"]),
    (("--step", "net.train_step(X, y); 1 / 0"), ["--step raised ZeroDivisionError"]),
    (("--step", "net.train_step(X, y); net.params['b1'] = net.params['b1'][:5]"), ["changed shape"]),
    (("--torch-step", "loss = F.mse_loss(model(X), y); loss.backward()"), ["--torch-step raised"]),
])
def test_bad_input_is_one_line_and_nothing_is_written(args, words, tmp_path):
    path = tmp_path / "r.json"
    result = check(PROGRAMS, "ngram", "--steps", "2", "--json", str(path), *args)
    assert_one_line_error(result, *words)
    assert not path.exists()


def test_given_the_same_gradients_the_update_stage_names_the_optimizer(tmp_path):
    directory = planted(tmp_path, "convnet_torch.py", "momentum=momentum)", "momentum=momentum, nesterov=True)")
    path = tmp_path / "r.json"
    split = ("--backward", "net.backward(X, y)", "--update", "net.update()", "--torch-backward",
             "optimizer.zero_grad(); loss = F.cross_entropy(model(X), y); loss.backward()", "--torch-update", "optimizer.step()")
    result = check(directory, "convnet", "--steps", "3", "--json", str(path), *split)
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    # the port's own SGD, built again with nesterov=False, steps as the NumPy program does
    assert top["name"] == "optimizer-settings" and top["evidence"]["change"] == "nesterov=False", top
    assert check(PROGRAMS, "convnet", "--steps", "3", *split).exit_code == 0


def test_both_programs_may_start_from_the_ports_parameters():
    result = check(PROGRAMS, "batchnorm", "--steps", "3", "--start-from", "torch")
    assert result.exit_code == 0, result.output


ADAGRAD_NUMPY = """
import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.5, (3, 1))
        self.G = np.zeros_like(self.W)

    def train_step(self, X, y):
        out = X @ self.W
        grad = 2 * X.T @ (out - y) / len(X)
        self.G += grad ** 2
        self.W -= 0.1 * grad / (np.sqrt(self.G) + 1e-10)
        return float(np.mean((out - y) ** 2))
"""

ADAGRAD_TORCH = """
import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 1, bias=False)

    def forward(self, x):
        return self.fc(x)

def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, eps=1e-10)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def test_an_optimizer_state_made_when_it_was_built_steps_in_the_runs_dtype(tmp_path):
    """Adagrad makes its sum in its constructor, before the kit casts the model to float64: the sum is cast too."""
    (tmp_path / "n.py").write_text(ADAGRAD_NUMPY)
    (tmp_path / "t.py").write_text(ADAGRAD_TORCH)
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/n.py:Net", "--torch", f"{tmp_path}/t.py:Net", "--as-written",
                                      "--data", "random:16,3", "--steps", "5", "--dtype", "float64", "--param", "W=fc.weight.T"])
    assert result.exit_code == 0, result.output


SHARED_NUMPY = """
import numpy as np

class Layer:
    def __init__(self, net, params):
        self.net, self.params = net, params  # the network it belongs to, and the network's own dict

class Net:
    def __init__(self):
        self.params = {"W": np.random.default_rng(0).normal(0, 0.5, (3, 1))}
        self.layer = Layer(self, self.params)

    def train_step(self, X, y):
        out = X @ self.layer.params["W"]
        self.params["W"] -= 0.1 * 2 * X.T @ (out - y) / len(X)
        return float(np.mean((out - y) ** 2))
"""


def test_arrays_a_program_shares_stay_shared_when_cast_to_the_runs_dtype(tmp_path):
    """A layer that holds its network (a cycle) and the network's own dict (shared): cast once, still shared."""
    (tmp_path / "n.py").write_text(SHARED_NUMPY)
    (tmp_path / "t.py").write_text(ADAGRAD_TORCH.replace("torch.optim.Adagrad(model.parameters(), lr=0.1, eps=1e-10)",
                                                         "torch.optim.SGD(model.parameters(), lr=0.1)"))
    for dtype in ("float32", "float64"):
        result = CliRunner().invoke(cli, ["check", f"{tmp_path}/n.py:Net", "--torch", f"{tmp_path}/t.py:Net", "--as-written",
                                          "--data", "random:16,3", "--steps", "4", "--dtype", dtype,
                                          "--param", "params['W']=fc.weight.T"])
        assert result.exit_code == 0, result.output


def test_a_torch_parameter_named_T_is_paired_as_it_is_not_transposed():
    """A ParameterDict key "T" (a temperature) is named params.T: where no parameter params exists, the name is whole."""
    import numpy as np
    from parity.programs.written.pairing import pair_parameters

    class Net:
        def __init__(self):
            self.params = {"T": np.ones(1), "W": np.ones((3, 2))}

    pairs = pair_parameters(Net(), {"params.T": (1,), "params.W": (2, 3)}, ("params['T']=params.T", "params['W']=params.W.T"))
    assert [(p.torch, p.layout.axes) for p in pairs] == [("params.T", None), ("params.W", (1, 0))]
