"""The hundred-and-twenty-second fresh held-out set of the diagnosis: one planted bug per program in fresh122/
(16 programs), and 3 correct variants. The theme is coordinate MLPs in the style of NeRF and
implicit neural representations: coordinates through a fixed Fourier positional encoding,
an MLP with a skip connection that concatenates the encoding into a middle layer, outputs
split into a density (softplus) and a colour (sigmoid), colour MSE plus a small density term,
Adam with an exponential learning-rate decay.

Base programs (data written by fresh122/make_data.py, fixed seed):

  nerf_numpy.py:NerfMLP / nerf_torch.py:NerfMLP, data nerf3d.npz (X (64, 3) points, y (64, 3)
      colours). gamma(x) = [x, sin(2^k pi x), cos(2^k pi x)], k = 0..3 (27 features); ReLU MLP
      27 -> 32 -> 32, the encoding concatenated after the second layer ([h2, gamma], 59 -> 32),
      linear 32 -> 4; sigma = softplus(out[:, 0]), rgb = sigmoid(out[:, 1:]).
      Loss mean((rgb - y)^2) + 0.01 * mean(sigma). Adam (lr 5e-3, torch's formula) with
      lr * 0.95**t. NumPy: params dict, (in, out) weights, hand-written backward and Adam
      (self.m, self.v). Port: nn.Linear layers, F.mse_loss, torch.optim.Adam + ExponentialLR
      from make_optimizer, its own train_step.

  siren_numpy.py:SirenField / siren_torch.py:SirenField, data siren2d.npz (X (64, 2) pixel
      coordinates, y (64, 5): colour, density target, a fixed 0/1 density-supervision mask).
      gamma(x) with k = 0..2 (14 features); SIREN layers sin(30 (a W + b)) 14 -> 32 -> 32, the
      encoding concatenated into the third ([s2, gamma], 46 -> 32), linear 32 -> 4, softplus
      density and sigmoid colour. Loss mean((rgb - y[:, :3])^2) + 0.1 * sum(mask (sigma -
      y[:, 3])^2) / sum(mask). Adam (lr 1e-3) with the NeRF decay lr * 0.1 ** (t / 50).
      NumPy: params dict, SIREN init, hand-written backward and Adam. Port: an nn.ParameterDict
      in the (in, out) layout, x @ W + b, torch.optim.Adam + LambdaLR, its own train_step.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh122_cases

Each case:
    id          short name (prefixed SR)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); each
                port bug is checked against the correct NumPy base, each NumPy bug against the
                correct port, all as written with every parameter paired by --param
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings, its measurements or its tests;
validated by exit status alone (each bug exits 1 and exits 0 once its `# fix:` line is put back;
each correct program exits 0).
"""

F = "scripts/diagnosis_sets/fresh122/"

_RUN = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

_NERF_PARAMS = [
    "--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
    "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias",
    "--param", "params['W3']=fc3.weight.T", "--param", "params['b3']=fc3.bias",
    "--param", "params['W4']=out.weight.T", "--param", "params['b4']=out.bias",
]
_SIREN_PARAMS = [a for k in ("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4")
                 for a in ("--param", f"params['{k}']=params.{k}")]


def _nerf(numpy="nerf_numpy.py:NerfMLP", port="nerf_torch.py:NerfMLP", params=None):
    return ([F + numpy, "--torch", F + port, "--data", F + "nerf3d.npz"]
            + (params if params is not None else _NERF_PARAMS) + _RUN)


def _siren(numpy="siren_numpy.py:SirenField", port="siren_torch.py:SirenField", params=None):
    return ([F + numpy, "--torch", F + port, "--data", F + "siren2d.npz"]
            + (params if params is not None else _SIREN_PARAMS) + _RUN)


CASES = [
    # ---------------------------------------------------------------- port bugs
    {"id": "SR01", "side": "port", "args": _nerf(port="01_nopi_port.py:NerfMLP"),
     "mechanism": "positional encoding frequencies written 2**k without the factor pi",
     "expected": ("math.pi", "frequency", "frequencies", "positional encoding")},
    {"id": "SR02", "side": "port", "args": _nerf(port="02_skiporder_port.py:NerfMLP"),
     "mechanism": "skip connection concatenates [encoding, hidden] instead of [hidden, encoding], so W3's rows meet the wrong inputs",
     "expected": ("concatenation order", "skip connection", "swapped", "torch.cat")},
    {"id": "SR03", "side": "port", "args": _nerf(port="03_schedorder_port.py:NerfMLP"),
     "mechanism": "ExponentialLR scheduler.step() called before optimizer.step(): every update uses the learning rate one decay step early",
     "expected": ("scheduler", "one step early", "learning-rate schedule", "learning rate schedule", "decay")},
    {"id": "SR04", "side": "port", "args": _nerf(port="04_nozerograd_port.py:NerfMLP"),
     "mechanism": "optimizer.zero_grad() missing: gradients accumulate over steps",
     "expected": ("zero_grad", "accumulat")},
    {"id": "SR05", "side": "port", "args": _siren(port="05_w0bias_port.py:SirenField"),
     "mechanism": "first SIREN layer computes sin(w0 * xW + b): the bias is not scaled by w0",
     "expected": ("w0", "omega", "bias inside", "sine argument")},
    {"id": "SR06", "side": "port", "args": _siren(port="06_beta2_port.py:SirenField"),
     "mechanism": "Adam built with betas=(0.9, 0.99) where the NumPy program uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.999", "second moment")},
    {"id": "SR07", "side": "port", "args": _siren(port="07_rgbslice_port.py:SirenField"),
     "mechanism": "colour read from output columns 0:3 instead of 1:4 (overlapping the density column)",
     "expected": ("slice", "channel", "column", "out[:, 1:4]")},
    {"id": "SR08", "side": "port", "args": _siren(port="08_broadcast_port.py:SirenField"),
     "mechanism": "density kept as an (N, 1) column, so sigma - target broadcasts to (N, N) in the masked density term",
     "expected": ("broadcast", "(n, 1)", "(n, n)", "shape")},
    # --------------------------------------------------------------- NumPy bugs
    {"id": "SR09", "side": "numpy", "args": _nerf(numpy="09_relumask_numpy.py:NerfMLP"),
     "mechanism": "ReLU derivative of the third layer taken as (h3 >= 0), which is always 1, instead of (z3 > 0)",
     "expected": ("relu", "derivative", "mask", "z3 > 0")},
    {"id": "SR10", "side": "numpy", "args": _nerf(numpy="10_softplusgrad_numpy.py:NerfMLP"),
     "mechanism": "softplus derivative evaluated at the density sigma (the activated value) instead of the pre-activation out[:, 0]",
     "expected": ("softplus", "sigmoid(sigma)", "derivative", "pre-activation", "activated")},
    {"id": "SR11", "side": "numpy", "args": _nerf(numpy="11_skipsplit_numpy.py:NerfMLP"),
     "mechanism": "gradient of the skip concatenation split at the wrong columns: the last 32 columns taken for h2, which the forward put first",
     "expected": ("skip", "slice", "split", "concatenat")},
    {"id": "SR12", "side": "numpy", "args": _nerf(numpy="12_nobc2_numpy.py:NerfMLP"),
     "mechanism": "Adam's second-moment bias correction left out of the denominator",
     "expected": ("bias correction", "bias_correction2", "second moment", "v_hat")},
    {"id": "SR13", "side": "numpy", "args": _siren(numpy="13_w0chain_numpy.py:SirenField"),
     "mechanism": "derivative of the second sine layer sin(w0 z) written cos(w0 z) without the chain-rule factor w0",
     "expected": ("w0", "omega", "chain rule", "cos")},
    {"id": "SR14", "side": "numpy", "args": _siren(numpy="14_stalem_numpy.py:SirenField"),
     "mechanism": "Adam's first moment updated after the parameter step, so each step uses the previous step's m",
     "expected": ("stale", "first moment", "exp_avg", "previous step", "update order")},
    {"id": "SR15", "side": "numpy", "args": _siren(numpy="15_decayexp_numpy.py:SirenField"),
     "mechanism": "learning-rate decay exponent t instead of t / decay_steps: lr * 0.1**t",
     "expected": ("decay_steps", "exponent", "schedule", "decay rate")},
    {"id": "SR16", "side": "numpy", "args": _siren(numpy="16_maskcount_numpy.py:SirenField"),
     "mechanism": "masked density gradient divided by the batch size N instead of the number of masked (supervised) samples",
     "expected": ("mask", "normaliz", "supervised", "count", "batch size")},
    # ---------------------------------------------------------- correct variants
    {"id": "SR17", "side": "correct",
     "args": _nerf(numpy="nerf_numpy_outin.py:NerfMLPOutIn", params=[
         "--param", "layers[0]['W']=fc1.weight", "--param", "layers[0]['b']=fc1.bias",
         "--param", "layers[1]['W']=fc2.weight", "--param", "layers[1]['b']=fc2.bias",
         "--param", "layers[2]['W']=fc3.weight", "--param", "layers[2]['b']=fc3.bias",
         "--param", "layers[3]['W']=out.weight", "--param", "layers[3]['b']=out.bias"]),
     "mechanism": "correct: (out, in) weights in a list of layers, broadcast encoding, Adam in the folded step/eps_hat form",
     "expected": ()},
    {"id": "SR18", "side": "correct",
     "args": _siren(port="siren_torch_manual.py:SirenManual",
                    params=[a for k in ("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4")
                            for a in ("--param", f"params['{k}']={k}")]),
     "mechanism": "correct: port with plain nn.Parameter attributes and a hand-written Adam and decay under torch.no_grad",
     "expected": ()},
    {"id": "SR19", "side": "correct",
     "args": _nerf(port="nerf_torch_functional.py:NerfFunctional",
                   params=[a for k in ("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4")
                           for a in ("--param", f"params['{k}']={k}")]),
     "mechanism": "correct: functional port with (in, out) nn.Parameters, broadcast encoding buffer, LambdaLR gamma**t",
     "expected": ()},
]
